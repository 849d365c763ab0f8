package com.bidstream.tracking.pursuits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.platform.PlatformClockAutoConfiguration;
import com.bidstream.platform.PlatformWebAutoConfiguration;
import com.bidstream.platform.web.ApiProblem;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PursuitController.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformClockAutoConfiguration.class })
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
class PursuitControllerTests {

	static final String JOB = "upwork:~0123";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PursuitService pursuits;

	@MockitoBean
	PursuitImport imports;

	ResultActions postEvent(String key, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/pursuits/{jobKey}/events", JOB).header("X-Api-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	static PursuitView claimed() {
		return new PursuitView(JOB, "demo", Stage.CLAIMED, null, "fl-1", 82, Decision.PURSUE, "enterprise", null,
				Instant.parse("2026-11-20T10:00:00Z"), List.of());
	}

	@Test
	void anAcceptedEventAnswers201WithThePursuitOfTheCallersAgency() throws Exception {
		given(this.pursuits.record(eq("demo"), eq(JOB), any()))
			.willReturn(new PursuitService.Recorded(claimed(), true));

		postEvent("dev-demo-key", "{\"type\": \"CLAIM\", \"freelancerId\": \"fl-1\", \"connectsSpent\": 16}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.jobKey").value(JOB))
			.andExpect(jsonPath("$.stage").value("CLAIMED"))
			.andExpect(jsonPath("$.outcome").isEmpty())
			.andExpect(jsonPath("$.history").isArray());
		then(this.pursuits).should()
			.record(eq("demo"), eq(JOB),
					org.mockito.ArgumentMatchers
						.argThat((command) -> command.type() == Action.CLAIM && command.connectsSpent() == 16
								&& command.occurredAt() != null && command.eventId() == null));
	}

	@Test
	void aRepeatedEventIdAnswers200() throws Exception {
		given(this.pursuits.record(any(), any(), any())).willReturn(new PursuitService.Recorded(claimed(), false));

		postEvent("dev-demo-key", "{\"eventId\": \"" + UUID.randomUUID() + "\", \"type\": \"VIEWED\"}")
			.andExpect(status().isOk());
	}

	@Test
	void namesEachInvalidFieldAndRecordsNothing() throws Exception {
		postEvent("dev-demo-key", """
				{"eventId": "not-a-uuid", "type": "CLAIM", "occurredAt": "yesterday", "connectsSpent": -1,
				 "bidAmount": -5, "contractValue": "a lot", "reason": "BAD_LUCK"}
				""").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("eventId",
					"occurredAt", "connectsSpent", "bidAmount", "contractValue", "reason", "freelancerId")));
		then(this.pursuits).should(never()).record(any(), any(), any());
	}

	@Test
	void rejectsAnUnknownTypeAndALossWithoutReason() throws Exception {
		postEvent("dev-demo-key", "{\"type\": \"CELEBRATED\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		postEvent("dev-demo-key", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		postEvent("dev-demo-key", "{\"type\": \"LOST\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		postEvent("dev-demo-key", "{\"type\": \"RELEASE\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("freelancerId"));
	}

	@Test
	void rejectsABodyThatIsNotAJsonObject() throws Exception {
		postEvent("dev-demo-key", "[1, 2]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("$"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a JSON object"));
		postEvent("dev-demo-key", "{not json").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/malformed-body")));
	}

	@Test
	void anOperatorWritesOnlyForTheAgencyItNames() throws Exception {
		postEvent("dev-operator-key", "{\"type\": \"VIEWED\"}").andExpect(status().isBadRequest());
		given(this.pursuits.record(eq("acme"), eq(JOB), any()))
			.willReturn(new PursuitService.Recorded(claimed(), true));

		this.mvc
			.perform(post("/api/v1/pursuits/{jobKey}/events", JOB).header("X-Api-Key", "dev-operator-key")
				.header("X-Agency-Id", "acme")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\": \"VIEWED\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void aCallWithoutAKeyIsUnauthorized() throws Exception {
		postEvent("not-a-key", "{\"type\": \"VIEWED\"}").andExpect(status().isUnauthorized());
		then(this.pursuits).should(never()).record(any(), any(), any());
	}

	@Test
	void conflictsAndUnknownPursuitsAreProblemJson() throws Exception {
		given(this.pursuits.record(any(), eq(JOB), any()))
			.willThrow(ApiProblem.conflict("held-by-another", "Freelancer fl-1 holds this pursuit"));
		postEvent("dev-demo-key", "{\"type\": \"CLAIM\", \"freelancerId\": \"fl-2\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Freelancer fl-1 holds this pursuit"));

		given(this.pursuits.find("acme", JOB)).willThrow(ApiProblem.notFound("No pursuit " + JOB));
		this.mvc.perform(get("/api/v1/pursuits/{jobKey}", JOB).header("X-Api-Key", "dev-acme-key"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void listsTheMembersOwnAgencyAndValidatesTheFilters() throws Exception {
		given(this.pursuits.list(any())).willReturn(List.of(PursuitView.summary(new Pursuit("demo", JOB, Stage.QUEUED,
				null, null, 75, Decision.PURSUE, "new", null, 1, null, null, null))));

		this.mvc.perform(get("/api/v1/pursuits?stage=QUEUED&agency=acme").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pursuits[0].jobKey").value(JOB))
			.andExpect(jsonPath("$.pursuits[0].history").doesNotExist());
		then(this.pursuits).should()
			.list(new PursuitQuery(Optional.of("demo"), Optional.of(Stage.QUEUED), Optional.empty(), Optional.empty(),
					Optional.empty(), PursuitQuery.DEFAULT_LIMIT));

		this.mvc.perform(get("/api/v1/pursuits?stage=SOMEWHERE").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("stage"));
		this.mvc.perform(get("/api/v1/pursuits?outcome=HIRED").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("outcome"))
			.andExpect(jsonPath("$.errors[0].message").value("must be one of [LOST, WITHDRAWN]"));
		this.mvc.perform(get("/api/v1/pursuits?limit=0").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

	@Test
	void blankFiltersAreNoFiltersAndTheStageIsReadInAnyCase() throws Exception {
		given(this.pursuits.list(any())).willReturn(List.of());

		this.mvc.perform(get("/api/v1/pursuits?stage=&freelancerId=&segment=").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pursuits").isArray());
		this.mvc
			.perform(get("/api/v1/pursuits").param("stage", "queued")
				.param("freelancerId", " fl-1 ")
				.header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isOk());

		then(this.pursuits).should()
			.list(new PursuitQuery(Optional.of("demo"), Optional.empty(), Optional.empty(), Optional.empty(),
					Optional.empty(), PursuitQuery.DEFAULT_LIMIT));
		then(this.pursuits).should()
			.list(new PursuitQuery(Optional.of("demo"), Optional.of(Stage.QUEUED), Optional.empty(),
					Optional.of("fl-1"), Optional.empty(), PursuitQuery.DEFAULT_LIMIT));
	}

	@Test
	void theSegmentIsOneOfTheContractsInAnyCase() throws Exception {
		given(this.pursuits.list(any())).willReturn(List.of());

		this.mvc.perform(get("/api/v1/pursuits").param("segment", "bogus").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("segment"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("enterprise")));
		this.mvc.perform(get("/api/v1/pursuits").param("segment", " Enterprise ").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isOk());

		then(this.pursuits).should()
			.list(new PursuitQuery(Optional.of("demo"), Optional.empty(), Optional.empty(), Optional.empty(),
					Optional.of("enterprise"), PursuitQuery.DEFAULT_LIMIT));
		then(this.pursuits).shouldHaveNoMoreInteractions();
	}

	@Test
	void rejectsControlCharactersInTextFieldsNamingThem() throws Exception {
		postEvent("dev-demo-key", """
				{"type": "CLAIM", "freelancerId": "fl-\\u0007", "note": "a bell"}
				""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("freelancerId")));
		// a text that cannot be stored at all is refused before this reader, by the
		// platform
		postEvent("dev-demo-key", """
				{"type": "CLAIM", "freelancerId": "fl-\\u0000", "note": "nul \\u0000 here"}
				""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("freelancerId", "note")));
		postEvent("dev-demo-key", "{\"type\": \"VIEWED\", \"note\": \"\\u001b[31m\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		then(this.pursuits).should(never()).record(any(), any(), any());
	}

	@Test
	void aNoteMayHoldLineBreaksAndTabs() throws Exception {
		given(this.pursuits.record(any(), any(), any())).willReturn(new PursuitService.Recorded(claimed(), true));

		postEvent("dev-demo-key", "{\"type\": \"VIEWED\", \"note\": \"first\\r\\n\\tsecond\"}")
			.andExpect(status().isCreated());
		then(this.pursuits).should()
			.record(eq("demo"), eq(JOB),
					org.mockito.ArgumentMatchers.argThat((command) -> "first\r\n\tsecond".equals(command.note())));
	}

	@Test
	void rejectsInfiniteAmountsAndTimesOutsideTheYears1970To9999() throws Exception {
		postEvent("dev-demo-key", """
				{"type": "HIRED", "bidAmount": 1e400, "contractValue": -1e400,
				 "occurredAt": "+10000000-01-01T00:00:00Z"}
				""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("bidAmount", "contractValue", "occurredAt")));
		postEvent("dev-demo-key", "{\"type\": \"VIEWED\", \"occurredAt\": \"1969-12-31T23:59:59Z\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
		then(this.pursuits).should(never()).record(any(), any(), any());
	}

}
