package com.bidstream.localstack.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' own {@code bidstream.events.latency} timers (from an event's
 * {@code occurredAt} to the moment a consumer applied it), read from
 * {@code /actuator/prometheus}. Micrometer computes these percentiles in the service over
 * a window of the last minutes, not over the whole run; {@code count} is every event
 * since the service started.
 */
final class PrometheusTimers {

	private static final String METRIC = "bidstream_events_latency_seconds";

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private PrometheusTimers() {
	}

	/**
	 * Per {@code "<consumer> applied <event>"}, the percentiles in milliseconds.
	 */
	static Map<String, Percentiles> parse(String exposition) {
		Map<String, Map<String, Double>> series = new TreeMap<>();
		for (String line : exposition.split("\n")) {
			if (!line.startsWith(METRIC) || !line.contains("{")) {
				continue;
			}
			String name = line.substring(0, line.indexOf('{'));
			Map<String, String> labels = labels(line.substring(line.indexOf('{') + 1, line.lastIndexOf('}')));
			double value = Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0]);
			String key = labels.get("consumer") + " applied " + labels.get("event");
			String field = switch (name.substring(METRIC.length())) {
				case "" -> labels.get("quantile");
				case "_max" -> "max";
				case "_count" -> "count";
				default -> null;
			};
			if (field != null && labels.containsKey("consumer")) {
				series.computeIfAbsent(key, (k) -> new LinkedHashMap<>()).put(field, value);
			}
		}
		Map<String, Percentiles> timers = new LinkedHashMap<>();
		series.forEach((key, fields) -> timers.put(key, new Percentiles(fields.getOrDefault("count", 0.0).longValue(),
				ms(fields.get("0.5")), ms(fields.get("0.95")), ms(fields.get("0.99")), ms(fields.get("max")))));
		return timers;
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		Matcher matcher = LABEL.matcher(text);
		while (matcher.find()) {
			labels.put(matcher.group(1), matcher.group(2));
		}
		return labels;
	}

	private static Double ms(Double seconds) {
		return (seconds != null) ? seconds * 1000 : null;
	}

}
