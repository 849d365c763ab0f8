package com.bidstream.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One event waiting in the outbox, as the relay sends it.
 */
record OutboxRow(long id, String topic, String key, UUID eventId, String type, byte[] payload) {

	static OutboxRow of(ResultSet rs, int rowNum) throws SQLException {
		return new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
				rs.getString(5), rs.getBytes(6));
	}

	/**
	 * At most one event of a key is in flight: a later version is sent only in a pass
	 * after the earlier one was acknowledged and deleted. Sent together, the earlier one
	 * could fail (and be sent again later) while the later one was acknowledged, putting
	 * the key's versions out of order on the topic.
	 */
	static List<OutboxRow> firstOfEachKey(List<OutboxRow> rows) {
		Set<String> keys = new HashSet<>();
		List<OutboxRow> first = new ArrayList<>(rows.size());
		for (OutboxRow row : rows) {
			if (keys.add(row.topic() + '\u0000' + row.key())) {
				first.add(row);
			}
		}
		return first;
	}

	ProducerRecord<String, byte[]> toRecord() {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, this.key, this.payload);
		record.headers().add("eventId", this.eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("type", this.type.getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
