package com.bidstream.reporting.deadletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;

/**
 * The body of {@code POST /api/v1/dead-letters/redrive}: {@code {"ids": [...]}} or
 * {@code {"topic": "error....", "all": true}}, read by hand so that each bad id is named
 * by its position ({@code ids[2]}).
 */
record RedriveRequest(List<DeadLetterId> ids, Optional<String> topic) {

	static final int MAX_IDS = 1000;

	private static final String ID_EXAMPLE = "must be a dead-letter id such as error.listings.ingested.scoring:0:17";

	static RedriveRequest read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiProblem.notAnObject();
		}
		boolean hasIds = present(body, "ids");
		if (hasIds && (present(body, "topic") || present(body, "all"))) {
			throw ApiProblem.invalidField("topic", "give either ids, or topic with all: true, not both");
		}
		if (hasIds) {
			return new RedriveRequest(ids(body.get("ids")), Optional.empty());
		}
		if (!present(body, "topic") && !present(body, "all")) {
			throw ApiProblem.invalidField("ids", "give ids, or topic with all: true");
		}
		JsonNode topic = body.get("topic");
		if (topic == null || !topic.isString() || !DeadLetterId.isErrorTopic(topic.asString())) {
			throw ApiProblem.invalidField("topic", DeadLetterId.NOT_AN_ERROR_TOPIC);
		}
		JsonNode all = body.get("all");
		if (all == null || !all.isBoolean() || !all.booleanValue()) {
			throw ApiProblem.invalidField("all", "must be true to redrive every message of the topic");
		}
		return new RedriveRequest(List.of(), Optional.of(topic.asString()));
	}

	private static List<DeadLetterId> ids(JsonNode ids) {
		if (!ids.isArray()) {
			throw ApiProblem.invalidField("ids", "must be an array of dead-letter ids");
		}
		if (ids.isEmpty()) {
			throw ApiProblem.invalidField("ids", "must name at least one dead letter");
		}
		if (ids.size() > MAX_IDS) {
			throw ApiProblem.invalidField("ids", "must name at most " + MAX_IDS + " dead letters");
		}
		List<DeadLetterId> parsed = new ArrayList<>(ids.size());
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			JsonNode id = ids.get(i);
			Optional<DeadLetterId> one = id.isString() ? DeadLetterId.parse(id.asString()) : Optional.empty();
			one.ifPresent(parsed::add);
			if (one.isEmpty()) {
				errors.add(new FieldError("ids[" + i + "]", ID_EXAMPLE));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.validation(errors);
		}
		return parsed;
	}

	private static boolean present(JsonNode body, String field) {
		return body.has(field) && !body.get(field).isNull();
	}

}
