/**
 * The one rule for "write PostgreSQL and emit an event": state and outgoing events are
 * written in one database transaction (the outbox), a relay publishes the outbox to Kafka
 * at least once, and every consumer applies an event at most once by recording its
 * {@code eventId} in the same transaction as its effect (the inbox).
 */
package com.bidstream.platform.messaging;
