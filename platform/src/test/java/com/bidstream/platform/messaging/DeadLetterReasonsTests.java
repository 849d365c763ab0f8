package com.bidstream.platform.messaging;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.bidstream.contracts.UnreadableEventException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReasonsTests {

	@Test
	void aHandlersRefusalAndAnUnreadableEventKeepTheirWords() {
		var refused = new BatchListenerFailedException("x",
				new IllegalArgumentException("ListingIngested 1 of agency a for k carries no listing"), 0);
		var unreadable = new UnreadableEventException("not a valid PursuitAdvanced: Cannot deserialize value of type "
				+ "`com.bidstream.contracts.PursuitAdvanced$Action` from String \"TELEPORT\"", null);

		assertThat(DeadLetterReasons.scrub("not a valid ListingIngested: Cannot deserialize value of type "
				+ "`com.bidstream.contracts.ListingIngested` from Array value (token `JsonToken.START_ARRAY`)"))
			.as("a reason written before reasons were worded")
			.isEqualTo(
					"not a valid ListingIngested: Cannot deserialize value of type `ListingIngested` from Array value");
		assertThat(DeadLetterReasons.of(refused)).isEqualTo("ListingIngested 1 of agency a for k carries no listing");
		assertThat(DeadLetterReasons.of(unreadable)).isEqualTo(
				"not a valid PursuitAdvanced: Cannot deserialize value of type `PursuitAdvanced.Action` from String \"TELEPORT\"");
	}

	@Test
	void aDatabaseRefusalNamesItsSqlStateAndNoSql() {
		var failure = new BatchListenerFailedException("x",
				new DataIntegrityViolationException(
						"PreparedStatementCallback; SQL [insert into listings (agency_id) values (?)]",
						new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021")),
				0);

		assertThat(DeadLetterReasons.of(failure))
			.isEqualTo("The database refused the event (SQLState 22021); the service's log has the details");
	}

	@Test
	void anythingElseIsASentenceWithoutClassNames() {
		var npe = new BatchListenerFailedException("x",
				new NullPointerException(
						"Cannot invoke \"com.bidstream.contracts.Listing.source()\" because the return value is null"),
				0);

		assertThat(DeadLetterReasons.of(npe)).doesNotContain("com.", "Listing", "Null", "()")
			.contains("unexpected error");
		assertThat(DeadLetterReasons.raw(npe)).as("the log keeps the failure's own words")
			.contains("NullPointerException", "Listing.source()");
	}

	@Test
	void aStoredReasonIsScrubbedWhenRead() {
		assertThat(DeadLetterReasons.scrub("java.lang.NullPointerException")).isEqualTo("NullPointerException");
		assertThat(DeadLetterReasons
			.scrub("PreparedStatementCallback; SQL [insert into listings (agency_id) values (?)]; ERROR: invalid byte"))
			.as("a reason written before these rules")
			.isEqualTo("The database refused the event; the service's log has the details");
		assertThat(DeadLetterReasons.scrub(null)).isNull();
		assertThat(DeadLetterReasons.scrub("x".repeat(5_000))).hasSize(DeadLetterReasons.MAX_LENGTH + 1);
		assertThat(DeadLetterReasons.scrub("version 1.2 of e.g. a listing")).isEqualTo("version 1.2 of e.g. a listing");
	}

}
