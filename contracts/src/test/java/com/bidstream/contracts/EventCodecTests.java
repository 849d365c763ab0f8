package com.bidstream.contracts;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.Listing.Budget;
import com.bidstream.contracts.Listing.BudgetType;
import com.bidstream.contracts.Listing.Client;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.ListingScored.Signal;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTests {

	static final UUID EVENT_ID = UUID.fromString("7b0f7f6e-4a7c-4d2e-9d59-2f1f1c7e2a10");

	static final Instant AT = Instant.parse("2026-11-22T09:15:00Z");

	static Listing listing() {
		return new Listing("upwork", "~021234567890", "https://www.upwork.com/jobs/~021234567890",
				"Spring Boot engineer for a Kafka pipeline", "We need ...", AT, "Web, Mobile & Software Dev",
				List.of("Java", "Spring Boot", "Apache Kafka"),
				new Budget(BudgetType.FIXED, new BigDecimal("4000"), null, null, "USD"), Listing.ExperienceLevel.EXPERT,
				"1 to 3 months", "30+ hrs/week", 12, 16, new Client(true, "US", new BigDecimal("250000"), 48, 60,
						new BigDecimal("4.9"), 41, LocalDate.parse("2018-05-01"), "10-99"),
				null);
	}

	@Test
	void listingIngestedCarriesTheEnvelopeAndTheListingAsTheContractNamesThem() {
		ListingIngested event = new ListingIngested(EVENT_ID, AT, "demo", "upwork:~021234567890",
				ListingIngested.SCHEMA_VERSION, 1, AT, listing());

		JsonNode json = EventCodec.mapper().readTree(EventCodec.toJson(event));

		assertThat(json.get("eventId").asString()).isEqualTo(EVENT_ID.toString());
		assertThat(json.get("type").asString()).isEqualTo("ListingIngested");
		assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-22T09:15:00Z");
		assertThat(json.get("agencyId").asString()).isEqualTo("demo");
		assertThat(json.get("jobKey").asString()).isEqualTo("upwork:~021234567890");
		assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
		assertThat(json.get("version").asInt()).isEqualTo(1);
		assertThat(json.at("/listing/budget/amount").decimalValue()).isEqualByComparingTo("4000");
		assertThat(json.at("/listing/budget/type").asString()).isEqualTo("FIXED");
		assertThat(json.at("/listing/client/memberSince").asString()).isEqualTo("2018-05-01");
		assertThat(json.at("/listing/skills/2").asString()).isEqualTo("Apache Kafka");
		assertThat(json.at("/listing/closed").isMissingNode()).as("absent optional fields are left out").isTrue();
	}

	@Test
	void eachEventReadsBackEqualToWhatWasWritten() {
		ListingIngested ingested = new ListingIngested(EVENT_ID, AT, "demo", "upwork:~1", 1, 2, AT, listing());
		ListingScored scored = new ListingScored(EVENT_ID, AT, "demo", "upwork:~1", 1, 2, 82, Decision.PURSUE,
				"enterprise", BudgetBand.MEDIUM, true, AiExposure.AI_ASSISTED,
				List.of(new Signal("budget", 0.9, 0.15, "fixed $4,000 is above the $500 floor")), List.of(),
				"default-1", "upwork", "Web", List.of("Java"), AT, AT, null, new BigDecimal("4000"), 12);
		PursuitAdvanced advanced = new PursuitAdvanced(EVENT_ID, AT, "demo", "upwork:~1", 1, Action.LOST,
				Stage.PROPOSED, Outcome.LOST, "fl-07", 16, new BigDecimal("3800"), null, LossReason.PRICE, AT);

		assertThat(EventCodec.read(EventCodec.toBytes(ingested), ListingIngested.class)).isEqualTo(ingested);
		assertThat(EventCodec.read(EventCodec.toBytes(scored), ListingScored.class)).isEqualTo(scored);
		assertThat(EventCodec.read(EventCodec.toBytes(advanced), PursuitAdvanced.class)).isEqualTo(advanced);
		assertThat(EventCodec.toJson(scored)).contains("\"type\":\"ListingScored\"");
		assertThat(EventCodec.toJson(advanced)).contains("\"type\":\"PursuitAdvanced\"", "\"action\":\"LOST\"");
	}

	@Test
	void readingIgnoresUnknownFieldsSoThatChangesStayAdditive() {
		String json = """
				{"eventId":"%s","type":"PursuitAdvanced","occurredAt":"2026-11-22T09:15:00Z","agencyId":"acme",
				 "jobKey":"upwork:~9","schemaVersion":2,"action":"CLAIM","stage":"CLAIMED","freelancerId":"fl-1",
				 "someFutureField":{"nested":true}}
				""".formatted(EVENT_ID);

		PursuitAdvanced event = EventCodec.read(json.getBytes(StandardCharsets.UTF_8), PursuitAdvanced.class);

		assertThat(event.schemaVersion()).isEqualTo(2);
		assertThat(event.action()).isEqualTo(Action.CLAIM);
		assertThat(event.key()).isEqualTo("acme|upwork:~9");
	}

	@Test
	void aMessageThatIsNotAnEventIsUnreadableWithAReason() {
		assertThatThrownBy(() -> EventCodec.read("not json".getBytes(StandardCharsets.UTF_8), ListingIngested.class))
			.isInstanceOf(UnreadableEventException.class)
			.hasMessageStartingWith("not a valid ListingIngested");
		assertThatThrownBy(
				() -> EventCodec.read("{\"jobKey\":\"x\"}".getBytes(StandardCharsets.UTF_8), ListingIngested.class))
			.isInstanceOf(UnreadableEventException.class)
			.hasMessageContaining("lacks eventId");
		assertThatThrownBy(() -> EventCodec.read(
				("{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-22T09:15:00Z\",\"agencyId\":\"a\",\"jobKey\":\"k\","
						+ "\"action\":\"TELEPORT\"}")
					.formatted(EVENT_ID)
					.getBytes(StandardCharsets.UTF_8),
				PursuitAdvanced.class))
			.isInstanceOf(UnreadableEventException.class)
			.hasMessageStartingWith("not a valid PursuitAdvanced: action must be one of QUEUE, CLAIM");
		assertThatThrownBy(() -> EventCodec.read(
				("{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-22T09:15:00Z\",\"agencyId\":\"a\",\"jobKey\":\"k\","
						+ "\"listing\":[1]}")
					.formatted(EVENT_ID)
					.getBytes(StandardCharsets.UTF_8),
				ListingIngested.class))
			.as("in words: no Java type or parser token, as Jackson's own message has")
			.isInstanceOf(UnreadableEventException.class)
			.hasMessage("not a valid ListingIngested: listing must be a JSON object");
		assertThatThrownBy(() -> EventCodec.read("[1, 2]".getBytes(StandardCharsets.UTF_8), ListingIngested.class))
			.hasMessage("not a valid ListingIngested: the message must be a JSON object");
		assertThatThrownBy(() -> EventCodec.read(
				"{\"eventId\": {\"x\": 1}, \"occurredAt\": \"2026-11-22T09:15:00Z\"}".getBytes(StandardCharsets.UTF_8),
				ListingIngested.class))
			.as("a UUID is read from a string")
			.hasMessage("not a valid ListingIngested: eventId must be a string");
		assertThatThrownBy(
				() -> EventCodec.read("{\"occurredAt\": []}".getBytes(StandardCharsets.UTF_8), ListingIngested.class))
			.hasMessage("not a valid ListingIngested: occurredAt must be a string");
		assertThatThrownBy(() -> EventCodec.read("{\"jobKey\": \"k\"} {\"x\": 1}".getBytes(StandardCharsets.UTF_8),
				ListingIngested.class))
			.as("an object, then more")
			.hasMessage("not a valid ListingIngested: the message holds more after its JSON value");
		assertThatThrownBy(() -> EventCodec.read(
				("{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-22T09:15:00Z\",\"agencyId\":\"a\",\"jobKey\":\"k\","
						+ "\"listing\":{\"skills\":{\"a\":1}}}")
					.formatted(EVENT_ID)
					.getBytes(StandardCharsets.UTF_8),
				ListingIngested.class))
			.hasMessage("not a valid ListingIngested: listing.skills must be a JSON array");
		assertThatThrownBy(() -> EventCodec.read(
				("{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-22T09:15:00Z\",\"agencyId\":\"a\",\"jobKey\":\"k\","
						+ "\"version\":1}")
					.formatted(EVENT_ID)
					.getBytes(StandardCharsets.UTF_8),
				ListingIngested.class))
			.isInstanceOf(UnreadableEventException.class)
			.hasMessageEndingWith("for k carries no listing");
	}

}
