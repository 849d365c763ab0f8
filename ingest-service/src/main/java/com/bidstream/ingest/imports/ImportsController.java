package com.bidstream.ingest.imports;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.ingest.imports.ImportFormat.Declared;
import com.bidstream.ingest.imports.ImportSpooler.Spooled;
import com.bidstream.ingest.imports.Imports.ImportJob;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.Uuids;

/**
 * {@code POST /api/v1/imports} and {@code GET /api/v1/imports/{id}}: the body is spooled
 * to disk (so the answer does not wait for the listings), then the import runs in the
 * background.
 */
@RestController
class ImportsController {

	static final int MAX_LIST = 200;

	private static final Logger log = LoggerFactory.getLogger(ImportsController.class);

	private final ImportSpooler spooler;

	private final Imports imports;

	private final ImportRunner runner;

	private final Clock clock;

	ImportsController(ImportSpooler spooler, Imports imports, ImportRunner runner, Clock clock) {
		this.clock = clock;
		this.spooler = spooler;
		this.imports = imports;
		this.runner = runner;
	}

	@PostMapping("/api/v1/imports")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Import a CSV or NDJSON file of listings",
			description = "text/csv (RFC 4180, a header row naming the JSON fields with dots for nesting such as "
					+ "budget.amount, skills separated by ';') or application/x-ndjson, in UTF-8 unless Content-Type "
					+ "names another charset (text/csv; charset=ISO-8859-1); a record holding bytes that are not text "
					+ "in it is rejected, never stored with replacement characters. The file is stored, then "
					+ "imported in the background in chunks through the same intake as POST /api/v1/listings; "
					+ "follow it at GET /api/v1/imports/{id}. An operator key needs X-Agency-Id.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson") }),
			responses = { @ApiResponse(responseCode = "202", description = "{\"importId\", \"status\": \"RUNNING\"}"),
					@ApiResponse(responseCode = "400",
							description = "A file that holds no records (empty, blank lines, or a CSV header alone)",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "413", description = "A body over bidstream.ingest.imports.max-bytes",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "415",
							description = "Neither text/csv nor application/x-ndjson, or a charset the service does not know",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "429", description = "The agency's request rate; see Retry-After",
							content = @Content(mediaType = "application/problem+json")) })
	Started start(Caller caller, HttpServletRequest request) throws IOException {
		String agency = caller.writeAgency();
		// from the header: Spring Boot sets the request's own encoding to UTF-8
		Declared declared = ImportFormat.of(request.getHeader(HttpHeaders.CONTENT_TYPE));
		UUID id = UUID.randomUUID();
		Spooled spooled = this.spooler.spool(id, declared.format(), declared.charset(), request.getContentLengthLong(),
				request.getInputStream());
		if (spooled.records() == 0) {
			try {
				spooled.file().delete();
			}
			catch (IOException ex) {
				log.warn("The spooled body of an empty import could not be deleted: {}", ex.toString());
			}
			throw ApiProblem.badRequest("malformed-body",
					"The import holds no records: the file is empty"
							+ ((declared.format() == ImportFormat.CSV) ? ", or holds only its header" : "")
							+ " (blank lines are no records)");
		}
		ImportJob job = ImportJob.started(id, agency, declared.format(), spooled.file(), spooled.records(),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.imports.create(job, this.runner.owner(), this.runner.lease());
		this.runner.start(job);
		return new Started(id, "RUNNING", spooled.records());
	}

	@GetMapping("/api/v1/imports")
	@Operation(summary = "The agency's imports, newest first",
			description = "Each import's status and counts, without its errors (GET /api/v1/imports/{id} has them). "
					+ "A member key sees its agency's; an operator key every agency's, or the one agency= names. "
					+ "limit: 1 to 200, 50 by default.")
	ImportList list(Caller caller, @RequestParam(required = false) String agency,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIST) {
			throw ApiProblem.invalidField("limit", "must be between 1 and " + MAX_LIST);
		}
		return new ImportList(this.imports.newest(caller.readScope(agency), limit)
			.stream()
			.map((job) -> ImportSummary.of(job.agency(), job.progress()))
			.toList());
	}

	@DeleteMapping("/api/v1/imports/{id}")
	@Operation(summary = "Cancel a running import",
			description = "It stops at its next chunk; the records processed before stay imported. Answers the "
					+ "import with status CANCELLED; 409 when it is not running (DONE, FAILED or CANCELLED); 404 "
					+ "for another agency's.")
	ImportProgress cancel(Caller caller, @PathVariable String id) {
		// a change: the agency a write acts for, as every write names it (X-Agency-Id)
		String owner = caller.writeAgency();
		UUID importId = parse(id);
		ImportJob job = this.imports.find(owner, importId).orElseThrow(() -> ApiProblem.notFound("No import " + id));
		if (!this.imports.cancel(owner, importId)) {
			throw ApiProblem.conflict("import-not-running",
					"The import is " + this.imports.find(owner, importId)
						.map(ImportJob::progress)
						.map(ImportProgress::status)
						.orElse(job.progress().status()) + ", not RUNNING: there is nothing to cancel");
		}
		try {
			// the worker holds the file open: it reads on until its next chunk finds the
			// import cancelled
			job.spool().delete();
		}
		catch (IOException ex) {
			log.warn("The spooled body of cancelled import {} could not be deleted: {}", importId, ex.toString());
		}
		log.info("Import {} of agency {} cancelled", importId, owner);
		return this.imports.find(owner, importId).map(ImportJob::progress).orElseThrow();
	}

	@GetMapping("/api/v1/imports/{id}")
	@Operation(summary = "An import's progress",
			description = "Status RUNNING, DONE, FAILED or CANCELLED; total records, processed, accepted, duplicates, "
					+ "rejected, and the first 100 rejected records by the line of the file they start on "
					+ "(the header is line 1). Another agency's import answers 404. An operator key names the "
					+ "agency with agency= or X-Agency-Id.")
	ImportProgress progress(Caller caller, @PathVariable String id, @RequestParam(required = false) String agency) {
		return this.imports.find(caller.resourceAgency(agency), parse(id))
			.map(ImportJob::progress)
			.orElseThrow(() -> ApiProblem.notFound("No import " + id));
	}

	private static UUID parse(String id) {
		return Uuids.parse(id).orElseThrow(() -> ApiProblem.notFound("No import " + id));
	}

	record Started(UUID importId, String status, long total) {

	}

	record ImportList(List<ImportSummary> imports) {

	}

	/**
	 * An import as the list shows it: its progress without its errors, and its agency.
	 */
	record ImportSummary(UUID importId, String agencyId, String status, String format, long total, long processed,
			long accepted, long duplicates, long rejected, String failure, Instant createdAt, Instant finishedAt) {

		static ImportSummary of(String agency, ImportProgress progress) {
			return new ImportSummary(progress.importId(), agency, progress.status(), progress.format(),
					progress.total(), progress.processed(), progress.accepted(), progress.duplicates(),
					progress.rejected(), progress.failure(), progress.createdAt(), progress.finishedAt());
		}

	}

}
