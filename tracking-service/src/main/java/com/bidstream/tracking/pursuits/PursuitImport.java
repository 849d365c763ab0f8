package com.bidstream.tracking.pursuits;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;

/**
 * {@code POST /api/v1/pursuits/import}: backfills pursuit history from CSV. The header
 * names the columns as the event's JSON fields ({@code jobKey}, {@code type},
 * {@code occurredAt}, {@code freelancerId}, {@code connectsSpent}, {@code bidAmount},
 * {@code contractValue}, {@code reason}, {@code note}, {@code eventId}); each row is read
 * by the same rules as {@code POST /api/v1/pursuits/{jobKey}/events}
 * ({@link EventRequestReader}), with {@code jobKey} and {@code occurredAt} required. Rows
 * are applied per pursuit in {@code occurredAt} order (file order between equal times),
 * each as one event: its conflicts (a second freelancer's claim, anything after the end)
 * reject that row only. A row without {@code eventId} gets one derived from its agency,
 * jobKey, type, time and freelancer, so importing a file again records nothing twice.
 */
@Service
class PursuitImport {

	static final int MAX_ROWS = 10_000;

	static final int MAX_ERRORS = 100;

	static final Set<String> COLUMNS = Set.of("jobKey", "type", "occurredAt", "freelancerId", "connectsSpent",
			"bidAmount", "contractValue", "reason", "note", "eventId");

	private static final Set<String> NUMBERS = Set.of("connectsSpent", "bidAmount", "contractValue");

	private final PursuitService pursuits;

	private final Clock clock;

	PursuitImport(PursuitService pursuits, Clock clock) {
		this.clock = clock;
		this.pursuits = pursuits;
	}

	record Result(int total, int recorded, int duplicates, int rejected, List<LineErrors> errors) {

	}

	record LineErrors(long line, List<FieldError> errors) {

	}

	private record Parsed(long line, String jobKey, EventCommand command) {

	}

	Result run(String agencyId, String text) {
		List<CsvRows.Row> rows = CsvRows.read(text);
		if (rows.isEmpty()) {
			throw ApiProblem.badRequest("malformed-body", "The CSV has no header row");
		}
		List<String> header = rows.get(0).fields().stream().map(String::strip).toList();
		List<String> unknown = header.stream().filter((name) -> !COLUMNS.contains(name)).toList();
		if (new java.util.HashSet<>(header).size() != header.size()) {
			throw ApiProblem.badRequest("malformed-body", "The header names a column twice: " + header);
		}
		if (!unknown.isEmpty() || !header.contains("jobKey") || !header.contains("type")
				|| !header.contains("occurredAt")) {
			throw ApiProblem.badRequest("malformed-body",
					"The header must name jobKey, type and occurredAt, and " + "only columns of "
							+ COLUMNS.stream().sorted().toList() + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
		}
		if (rows.size() - 1 > MAX_ROWS) {
			throw ApiProblem
				.payloadTooLarge("An import holds at most " + MAX_ROWS + " rows; send the history in parts");
		}
		List<LineErrors> errors = new ArrayList<>();
		int[] rejected = { 0 };
		List<Parsed> parsed = new ArrayList<>();
		for (CsvRows.Row row : rows.subList(1, rows.size())) {
			try {
				parsed.add(parse(agencyId, header, row));
			}
			catch (ApiProblem problem) {
				reject(errors, rejected, row.line(), problem);
			}
		}
		parsed.sort(Comparator.comparing(Parsed::jobKey).thenComparing((p) -> p.command().occurredAt()));
		int recorded = 0;
		int duplicates = 0;
		for (Parsed row : parsed) {
			try {
				if (this.pursuits.record(agencyId, row.jobKey(), row.command()).created()) {
					recorded++;
				}
				else {
					duplicates++;
				}
			}
			catch (ApiProblem problem) {
				reject(errors, rejected, row.line(), problem);
			}
			catch (DuplicateKeyException ex) {
				reject(errors, rejected, row.line(), ApiProblem.conflict("event-id-reused",
						"The eventId " + row.command().eventId() + " was already used for another pursuit"));
			}
		}
		// the first rejected rows of the file, whatever order they were applied in
		errors.sort(Comparator.comparingLong(LineErrors::line));
		return new Result(rows.size() - 1, recorded, duplicates, rejected[0],
				List.copyOf(errors.subList(0, Math.min(MAX_ERRORS, errors.size()))));
	}

	private static void reject(List<LineErrors> errors, int[] rejected, long line, ApiProblem problem) {
		rejected[0]++;
		errors.add(new LineErrors(line, problem.errors().isEmpty()
				? List.of(new FieldError(fieldOf(problem), problem.getMessage())) : problem.errors()));
	}

	/** The field a problem without fields of its own is about. */
	private static String fieldOf(ApiProblem problem) {
		if (problem.status().value() == 404) {
			return "jobKey";
		}
		return "event-id-reused".equals(problem.slug()) ? "eventId" : "type";
	}

	private Parsed parse(String agencyId, List<String> header, CsvRows.Row row) {
		if (row.unclosed()) {
			throw ApiProblem.invalidField("line", "opens a quote that never closes");
		}
		if (row.fields().size() != header.size()) {
			throw ApiProblem.invalidField("line",
					"has " + row.fields().size() + " fields where the header names " + header.size());
		}
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		for (int i = 0; i < header.size(); i++) {
			String value = row.fields().get(i);
			if (value.isEmpty()) {
				continue;
			}
			String name = header.get(i);
			if (NUMBERS.contains(name)) {
				// as JSON would carry it: 16 is a whole number, 16.5 a decimal, anything
				// else
				// text that the reader names as not a number
				String number = value.strip();
				try {
					if (number.matches("-?\\d+")) {
						event.put(name, new java.math.BigInteger(number));
					}
					else {
						event.put(name, new java.math.BigDecimal(number));
					}
				}
				catch (NumberFormatException ex) {
					event.put(name, value);
				}
			}
			else {
				event.put(name, value);
			}
		}
		String jobKey = event.path("jobKey").asString("").strip();
		List<FieldError> missing = new ArrayList<>();
		if (jobKey.isEmpty()) {
			missing.add(new FieldError("jobKey", "is required"));
		}
		if (!event.has("occurredAt")) {
			missing.add(new FieldError("occurredAt", "is required in an import: history has its dates"));
		}
		if (!missing.isEmpty()) {
			throw ApiProblem.validation(missing);
		}
		event.remove("jobKey");
		EventCommand command = EventRequestReader.read(event, this.clock.instant());
		if (command.eventId() == null) {
			command = new EventCommand(derivedId(agencyId, jobKey, command), command.type(), command.freelancerId(),
					command.occurredAt(), command.connectsSpent(), command.bidAmount(), command.contractValue(),
					command.reason(), command.note());
		}
		return new Parsed(row.line(), jobKey, command);
	}

	private static UUID derivedId(String agencyId, String jobKey, EventCommand command) {
		String name = "pursuit-import|" + agencyId + "|" + jobKey + "|" + command.type() + "|" + command.occurredAt()
				+ "|" + command.freelancerId();
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
