package com.bidstream.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
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

	ProducerRecord<String, byte[]> toRecord() {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, this.key, this.payload);
		record.headers().add("eventId", this.eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("type", this.type.getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
