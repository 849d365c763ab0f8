package com.bidstream.platform.messaging;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which events a consumer has applied, in the same transaction as their effect.
 */
public class Inbox {

	private final JdbcTemplate jdbc;

	public Inbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event as applied by the consumer.
	 * @return true the first time, false for a redelivery that must not be applied again
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, UUID eventId) {
		return this.jdbc.update("insert into inbox (consumer, event_id) values (?, ?) on conflict do nothing", consumer,
				eventId) == 1;
	}

}
