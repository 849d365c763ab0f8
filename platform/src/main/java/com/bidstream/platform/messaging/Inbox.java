package com.bidstream.platform.messaging;

import java.util.List;
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
	 * Records the events as applied by the consumer, in one statement.
	 * @return the ids recorded now, each once: the events to apply; the others are
	 * redeliveries that must not be applied again
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> firstDeliveries(String consumer, List<UUID> eventIds) {
		return this.jdbc.queryForList("""
				insert into inbox (consumer, event_id) select ?, id from unnest(?::uuid[]) as ids(id)
				on conflict do nothing returning event_id""", UUID.class, consumer,
				eventIds.stream().distinct().map(UUID::toString).toArray(String[]::new));
	}

}
