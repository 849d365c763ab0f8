package com.bidstream.contracts;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec of the wire format: ISO-8601 instants, unknown fields ignored
 * (changes are additive), nulls left out.
 */
public final class EventCodec {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion
			.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
		.build();

	private EventCodec() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static String toJson(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static byte[] toBytes(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/**
	 * Reads one event; a message that is not a valid event of that type is an
	 * {@link UnreadableEventException} naming why, never a partially read record.
	 */
	public static <T extends BidstreamEvent> T read(byte[] json, Class<T> type) {
		try {
			T event = MAPPER.readValue(json, type);
			requireEnvelope(event, new String(json, 0, Math.min(json.length, 200), StandardCharsets.UTF_8));
			return event;
		}
		catch (MismatchedInputException ex) {
			// in words: Jackson's message names Java types and parser tokens
			JsonShape shape = JsonShape.of(ex);
			throw new UnreadableEventException("not a valid " + type.getSimpleName() + ": "
					+ ("$".equals(shape.field()) ? "the message " : shape.field() + " ") + shape.must(), ex);
		}
		catch (JacksonException ex) {
			throw new UnreadableEventException("not a valid " + type.getSimpleName() + ": " + ex.getOriginalMessage(),
					ex);
		}
	}

	private static void requireEnvelope(BidstreamEvent event, String excerpt) {
		if (event.eventId() == null || event.agencyId() == null || event.jobKey() == null
				|| event.occurredAt() == null) {
			throw new UnreadableEventException(
					"event lacks eventId, occurredAt, agencyId or jobKey: " + excerpt.replaceAll("\\s+", " "), null);
		}
		String missing = (event instanceof ListingIngested ingested && ingested.listing() == null) ? "listing"
				: (event instanceof ListingScored scored && scored.decision() == null) ? "decision"
						: (event instanceof PursuitAdvanced advanced && advanced.action() == null) ? "action" : null;
		if (missing != null) {
			throw new UnreadableEventException(event.type() + " " + event.eventId() + " of agency " + event.agencyId()
					+ " for " + event.jobKey() + " carries no " + missing, null);
		}
	}

}
