package com.bidstream.ingest.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.contracts.Listing;
import com.bidstream.ingest.listing.Violation;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.DeclaredCharset;

/**
 * {@code POST /api/v1/listings}: one listing or an array of up to 1,000. The body is read
 * here rather than bound by Spring so that its size, its JSON and its shape answer 413
 * and 400 as the contract says, and so that a wrongly typed field of one item is that
 * item's error, not the request's.
 */
@RestController
class ListingsController {

	private final ListingIntake intake;

	ListingsController(ListingIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/api/v1/listings")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Ingest one listing or an array of up to 1,000",
			description = "Each item is validated on its own: invalid items are listed in 'rejected' (index 0 for a "
					+ "single object), an item whose content the agency already holds counts as a duplicate, and "
					+ "every other item becomes the next version of its listing (source:externalId) and is "
					+ "published on listings.ingested. An operator key needs X-Agency-Id.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(oneOf = { Listing.class, Listing[].class }))),
			responses = {
					@ApiResponse(responseCode = "202",
							description = "Counts of accepted, duplicate and rejected items"),
					@ApiResponse(responseCode = "400",
							description = "Malformed JSON (including a number of more than 1,000 digits or nesting deeper "
									+ "than 500 levels), neither an object nor an array, or an operator key without X-Agency-Id",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "413", description = "More than 1,000 items or a body over 10 MiB",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "415",
							description = "A charset in Content-Type that the service does not know (the body is read "
									+ "as JSON in the charset Content-Type names, UTF-8 when it names none)",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "503",
							description = "Too many bytes of listings in flight; try again after Retry-After seconds",
							content = @Content(mediaType = "application/problem+json")) })
	PostAnswer post(Caller caller, HttpServletRequest request) throws IOException {
		String agency = caller.writeAgency();
		// bounded at 10 MiB by the platform's RequestBodyLimitFilter
		// (bidstream.web.larger-bodies)
		byte[] body = DeclaredCharset.asUtf8(request.getInputStream().readAllBytes(), request.getContentType(),
				"The body");
		List<JsonNode> items = ListingsBody.items(body);
		List<ListingCandidate> candidates = new ArrayList<>(items.size());
		for (int index = 0; index < items.size(); index++) {
			candidates.add(new ListingCandidate(items.get(index), index));
		}
		return PostAnswer.of(this.intake.submit(agency, candidates));
	}

	/**
	 * The contract's answer to a post: a rejected item is named by its index.
	 */
	record PostAnswer(int accepted, int duplicates, List<Rejected> rejected) {

		static PostAnswer of(IntakeReport report) {
			return new PostAnswer(report.accepted(), report.duplicates(),
					report.rejected()
						.stream()
						.map((rejection) -> new Rejected((int) rejection.position(), rejection.errors()))
						.toList());
		}

	}

	record Rejected(int index, List<Violation> errors) {

	}

}
