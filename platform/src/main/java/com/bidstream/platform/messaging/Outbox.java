package com.bidstream.platform.messaging;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.EventCodec;

/**
 * Records events to publish in the caller's database transaction; {@link OutboxRelay}
 * publishes them once the transaction commits. An event is therefore published if and
 * only if the state change that caused it was committed.
 */
public class Outbox {

	private static final String INSERT = "insert into outbox (topic, msg_key, event_id, event_type, payload) values (?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final OutboxRelay relay;

	public Outbox(JdbcTemplate jdbc, OutboxRelay relay) {
		this.jdbc = jdbc;
		this.relay = relay;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void append(String topic, BidstreamEvent event) {
		appendAll(topic, List.of(event));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void appendAll(String topic, List<? extends BidstreamEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(INSERT, events, 500, (statement, event) -> {
			statement.setString(1, topic);
			statement.setString(2, event.key());
			statement.setObject(3, event.eventId());
			statement.setString(4, event.type());
			statement.setBytes(5, EventCodec.toBytes(event));
		});
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.relay.wakeUp();
			}
		});
	}

}
