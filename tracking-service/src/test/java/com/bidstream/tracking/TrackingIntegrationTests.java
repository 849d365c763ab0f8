package com.bidstream.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.FreelancerIds;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.contracts.Topics;
import com.bidstream.testsupport.DashboardQueries;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.TopicReader;
import com.bidstream.testsupport.TopicReader.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tracking service through its public API and its topics, against a real broker and a
 * real database; the subclasses provide them.
 */
abstract class TrackingIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String brokers;

	@Autowired
	JdbcTemplate jdbc;

	BidstreamApi demo() {
		return BidstreamApi.at("http://localhost:" + this.port, "dev-demo-key");
	}

	BidstreamApi acme() {
		return BidstreamApi.at("http://localhost:" + this.port, "dev-acme-key");
	}

	TopicReader kafka() {
		return new TopicReader(this.brokers);
	}

	/**
	 * The id a {@link PursuitAdvanced} carries for an event the agency recorded under
	 * {@code eventId}.
	 */
	static UUID publishedId(String agency, String eventId) {
		return UUID.nameUUIDFromBytes((agency + "|" + eventId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	static String newJobKey() {
		return "upwork:~" + UUID.randomUUID();
	}

	static ListingScored scored(String agency, String jobKey, int version, int score, Decision decision) {
		return new ListingScored(UUID.randomUUID(), Instant.now(), agency, jobKey, ListingScored.SCHEMA_VERSION,
				version, score, decision, "enterprise", ListingScored.BudgetBand.MEDIUM, false, null, List.of(),
				List.of(), "default-1", "upwork", "Web, Mobile & Software Dev", List.of("Java"), Instant.now(),
				Instant.now(), null, null, null);
	}

	void publish(ListingScored event) {
		kafka().send(Topics.LISTINGS_SCORED, event.key(), EventCodec.toBytes(event));
	}

	JsonNode awaitPursuit(BidstreamApi api, String jobKey, String stage) {
		await().atMost(WAIT).until(() -> {
			BidstreamApi.Response response = api.get("/api/v1/pursuits/" + jobKey);
			return response.status() == 200 && stage.equals(response.json().get("stage").asString());
		});
		return api.get("/api/v1/pursuits/" + jobKey).json();
	}

	BidstreamApi.Response event(BidstreamApi api, String jobKey, String json) {
		return api.post("/api/v1/pursuits/" + jobKey + "/events", json);
	}

	/**
	 * Waits until {@code pursuits.events} holds exactly {@code count} records of the
	 * pursuit, and returns them decoded.
	 */
	List<PursuitAdvanced> awaitPublished(String agency, String jobKey, int count) {
		String key = Topics.key(agency, jobKey);
		List<Message> found = new java.util.ArrayList<>();
		await().atMost(WAIT).until(() -> {
			found.clear();
			found.addAll(kafka().readAll(Topics.PURSUITS_EVENTS).stream().filter((m) -> key.equals(m.key())).toList());
			return found.size() >= count;
		});
		assertThat(found).hasSize(count);
		return found.stream()
			.map((m) -> EventCodec.read(m.value().getBytes(java.nio.charset.StandardCharsets.UTF_8),
					PursuitAdvanced.class))
			.toList();
	}

	@Test
	void aPursuedListingIsQueuedAndTheQueueIsPublished() {
		String jobKey = newJobKey();
		Instant published = Instant.now();

		publish(scored("demo", jobKey, 1, 82, Decision.PURSUE));

		JsonNode pursuit = awaitPursuit(demo(), jobKey, "QUEUED");
		assertThat(Instant.parse(pursuit.get("createdAt").asString())).as("when tracking took it")
			.isBetween(published.minusSeconds(1), Instant.now());
		assertThat(pursuit.get("agencyId").asString()).isEqualTo("demo");
		assertThat(pursuit.get("score").asInt()).isEqualTo(82);
		assertThat(pursuit.get("decision").asString()).isEqualTo("PURSUE");
		assertThat(pursuit.get("segment").asString()).isEqualTo("enterprise");
		assertThat(pursuit.at("/history/0/type").asString()).isEqualTo("QUEUE");
		assertThat(awaitPublished("demo", jobKey, 1)).singleElement().satisfies((advanced) -> {
			assertThat(advanced.action()).isEqualTo(Action.QUEUE);
			assertThat(advanced.stage()).isEqualTo(Stage.QUEUED);
			assertThat(advanced.eventId()).isEqualTo(publishedId("demo", pursuit.at("/history/0/eventId").asString()));
		});
	}

	@Test
	void aListingToReviewWaitsInNewAndAMemberMayStillClaimIt() {
		String jobKey = newJobKey();

		publish(scored("demo", jobKey, 1, 60, Decision.REVIEW));
		JsonNode waiting = awaitPursuit(demo(), jobKey, "NEW");
		BidstreamApi.Response claimed = event(demo(), jobKey, "{\"type\": \"CLAIM\", \"freelancerId\": \"fl-7\"}");

		assertThat(waiting.get("history")).isEmpty();
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
		assertThat(claimed.json().get("stage").asString()).isEqualTo("CLAIMED");
		assertThat(claimed.json().get("freelancerId").asString()).isEqualTo("fl-7");
		assertThat(awaitPublished("demo", jobKey, 1).get(0).action()).isEqualTo(Action.CLAIM);
	}

	@Test
	void theFullPathToHiredPublishesOneRecordPerEvent() {
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 90, Decision.PURSUE));
		awaitPursuit(demo(), jobKey, "QUEUED");

		assertThat(event(demo(), jobKey, "{\"type\": \"CLAIM\", \"freelancerId\": \"fl-1\"}").status()).isEqualTo(201);
		assertThat(event(demo(), jobKey, """
				{"type": "PROPOSAL_SENT", "freelancerId": "fl-1", "connectsSpent": 16, "bidAmount": 3800,
				 "occurredAt": "2026-11-22T10:00:00+02:00"}
				""").status()).isEqualTo(201);
		BidstreamApi.Response replied = event(demo(), jobKey, "{\"type\": \"REPLIED\"}");
		BidstreamApi.Response hired = event(demo(), jobKey, "{\"type\": \"HIRED\", \"contractValue\": 4000.50}");

		assertThat(replied.json().get("stage").asString()).as("a reply implies the view").isEqualTo("REPLIED");
		assertThat(hired.status()).isEqualTo(201);
		assertThat(hired.json().get("stage").asString()).isEqualTo("HIRED");
		assertThat(hired.json().get("freelancerId").asString()).isEqualTo("fl-1");
		assertThat(hired.json().get("history")).hasSize(5);
		List<PursuitAdvanced> published = awaitPublished("demo", jobKey, 5);
		assertThat(published).extracting(PursuitAdvanced::action)
			.containsExactlyInAnyOrder(Action.QUEUE, Action.CLAIM, Action.PROPOSAL_SENT, Action.REPLIED, Action.HIRED);
		assertThat(published).filteredOn((advanced) -> advanced.action() == Action.PROPOSAL_SENT)
			.singleElement()
			.satisfies((proposal) -> {
				assertThat(proposal.occurredAt()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
				assertThat(proposal.connectsSpent()).isEqualTo(16);
				assertThat(proposal.recordedAt()).isAfter(proposal.occurredAt());
			});
		assertThat(published).filteredOn((advanced) -> advanced.action() == Action.REPLIED)
			.singleElement()
			.satisfies((reply) -> assertThat(reply.freelancerId()).isEqualTo("fl-1"));
		assertThat(published).filteredOn((advanced) -> advanced.action() == Action.HIRED)
			.singleElement()
			.satisfies((hire) -> assertThat(hire.contractValue()).isEqualByComparingTo("4000.50"));
		assertThat(BidstreamApi.at("http://localhost:" + this.port, null).get("/actuator/prometheus").body())
			.containsPattern("bidstream_tracking_events_total\\{[^}]*type=\"HIRED\"");
	}

	@Test
	void theSameEventIdTwiceIsCountedOnce() {
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 55, Decision.REVIEW));
		awaitPursuit(demo(), jobKey, "NEW");
		String claim = "{\"eventId\": \"" + UUID.randomUUID() + "\", \"type\": \"CLAIM\", \"freelancerId\": \"fl-2\"}";

		BidstreamApi.Response first = event(demo(), jobKey, claim);
		BidstreamApi.Response again = event(demo(), jobKey, claim);
		BidstreamApi.Response elsewhere = event(demo(), newJobKey(), claim);

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(again.json().get("history")).hasSize(1);
		assertThat(elsewhere.status()).as("an unknown jobKey").isEqualTo(404);
		assertThat(awaitPublished("demo", jobKey, 1)).hasSize(1);
	}

	@Test
	void anEventIdUsedForAnotherPursuitIsAConflict() {
		String first = newJobKey();
		String second = newJobKey();
		publish(scored("demo", first, 1, 40, Decision.SKIP));
		publish(scored("demo", second, 1, 40, Decision.SKIP));
		awaitPursuit(demo(), first, "NEW");
		awaitPursuit(demo(), second, "NEW");
		String viewed = "{\"eventId\": \"" + UUID.randomUUID() + "\", \"type\": \"WITHDRAWN\"}";

		assertThat(event(demo(), first, viewed).status()).isEqualTo(201);
		BidstreamApi.Response reused = event(demo(), second, viewed);

		assertThat(reused.status()).isEqualTo(409);
		assertThat(reused.json().get("detail").asString()).contains("another pursuit");
	}

	@Test
	void twoAgenciesMayUseTheSameEventIdEachOnItsOwnPursuit() {
		String demoJob = newJobKey();
		String acmeJob = newJobKey();
		publish(scored("demo", demoJob, 1, 55, Decision.REVIEW));
		publish(scored("acme", acmeJob, 1, 55, Decision.REVIEW));
		awaitPursuit(demo(), demoJob, "NEW");
		awaitPursuit(acme(), acmeJob, "NEW");
		String eventId = UUID.randomUUID().toString();
		String claim = "{\"eventId\": \"" + eventId + "\", \"type\": \"CLAIM\", \"freelancerId\": \"fl-3\"}";

		BidstreamApi.Response byDemo = event(demo(), demoJob, claim);
		BidstreamApi.Response byAcme = event(acme(), acmeJob, claim);
		BidstreamApi.Response acmeAgain = event(acme(), acmeJob, claim);

		assertThat(byDemo.status()).as(byDemo.toString()).isEqualTo(201);
		assertThat(byAcme.status()).as(byAcme.toString()).isEqualTo(201);
		assertThat(byAcme.json().at("/history/0/eventId").asString()).isEqualTo(eventId);
		assertThat(acmeAgain.status()).as("idempotent within acme").isEqualTo(200);
		PursuitAdvanced demoClaim = awaitPublished("demo", demoJob, 1).get(0);
		PursuitAdvanced acmeClaim = awaitPublished("acme", acmeJob, 1).get(0);
		assertThat(demoClaim.eventId()).isEqualTo(publishedId("demo", eventId));
		assertThat(acmeClaim.eventId()).isEqualTo(publishedId("acme", eventId));
		assertThat(demoClaim.eventId()).as("a consumer keeping one record per id counts both")
			.isNotEqualTo(acmeClaim.eventId());
	}

	@Test
	void hostileTextAndFiltersAreRejectedNamingTheField() {
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 55, Decision.REVIEW));
		awaitPursuit(demo(), jobKey, "NEW");

		BidstreamApi.Response nul = event(demo(), jobKey, "{\"type\": \"VIEWED\", \"note\": \"a\\u0000b\"}");
		BidstreamApi.Response farFuture = event(demo(), jobKey,
				"{\"type\": \"VIEWED\", \"occurredAt\": \"+10000000-01-01T00:00:00Z\"}");
		BidstreamApi.Response nulFilter = demo().get("/api/v1/pursuits?freelancerId=%00");
		BidstreamApi.Response nulJobKey = event(demo(), "upwork:%00", "{\"type\": \"VIEWED\"}");
		BidstreamApi.Response nextYear = event(demo(), jobKey, "{\"type\": \"VIEWED\", \"occurredAt\": \""
				+ java.time.Instant.now().plus(java.time.Duration.ofDays(365)) + "\"}");
		BidstreamApi.Response loneSurrogate = event(demo(), jobKey,
				"{\"type\": \"CLAIM\", \"freelancerId\": \"\\ud800\"}");

		assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
		assertThat(nul.json().at("/errors/0/field").asString()).isEqualTo("note");
		assertThat(farFuture.status()).as(farFuture.toString()).isEqualTo(400);
		assertThat(farFuture.json().at("/errors/0/field").asString()).isEqualTo("occurredAt");
		assertThat(nulFilter.status()).as(nulFilter.toString()).isEqualTo(400);
		assertThat(nulFilter.json().at("/errors/0/field").asString()).isEqualTo("freelancerId");
		assertThat(nulJobKey.status()).as(nulJobKey.toString()).isIn(400, 404);
		assertThat(nextYear.status()).as("a view next year: %s", nextYear).isEqualTo(400);
		assertThat(nextYear.json().at("/errors/0/field").asString()).isEqualTo("occurredAt");
		assertThat(loneSurrogate.status()).as("it was held by \"?\": %s", loneSurrogate).isEqualTo(400);
		assertThat(loneSurrogate.json().at("/errors/0/field").asString()).isEqualTo("freelancerId");
		assertThat(demo().get("/api/v1/pursuits/" + jobKey).json().get("history")).isEmpty();
	}

	@Test
	void aCsvBackfillRecordsEachPursuitsHistoryInTimeOrderRejectsRowsByLineAndCountsOnceWhenSentAgain() {
		String first = newJobKey();
		String second = newJobKey();
		publish(scored("demo", first, 1, 75, Decision.PURSUE));
		publish(scored("demo", second, 1, 55, Decision.REVIEW));
		awaitPursuit(demo(), first, "QUEUED");
		awaitPursuit(demo(), second, "NEW");
		// out of order on purpose: a pursuit's rows are applied by occurredAt
		String csv = "jobKey,type,occurredAt,freelancerId,connectsSpent,contractValue,reason,note\r\n" + first
				+ ",PROPOSAL_SENT,2026-10-02T10:00:00Z,fl-ana,16,,,\"first, with a comma\"\r\n" + first
				+ ",CLAIM,2026-10-01T10:00:00Z,fl-ana,,,,\r\n" + second + ",CLAIM,2026-10-01T11:00:00Z,fl-bo,,,,\r\n"
				+ second + ",CLAIM,2026-10-01T12:00:00Z,fl-cy,,,,\r\n" + first
				+ ",HIRED,2026-10-09T10:00:00Z,,,4000,,\r\n" + "upwork:~nobody,VIEWED,2026-10-03T10:00:00Z,,,,,\r\n"
				+ second + ",TELEPORT,2026-10-03T10:00:00Z,,,,,\r\n" + second + ",VIEWED,,,,,,\r\n";

		BidstreamApi.Response imported = demo().send("POST", "/api/v1/pursuits/import", "text/csv", csv);

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		JsonNode result = imported.json();
		assertThat(result.get("total").asInt()).as(result.toString()).isEqualTo(8);
		assertThat(result.get("recorded").asInt()).as(result.toString()).isEqualTo(4);
		assertThat(result.get("recorded").asInt()).isEqualTo(4);
		assertThat(result.get("rejected").asInt()).isEqualTo(4);
		assertThat(result.get("errors").values())
			.extracting((error) -> error.get("line").asInt() + " " + error.at("/errors/0/field").asString())
			.containsExactly("5 type", "7 jobKey", "8 type", "9 occurredAt");
		assertThat(result.at("/errors/0/errors/0/message").asString()).contains("fl-bo");
		JsonNode hired = demo().get("/api/v1/pursuits/" + first).json();
		assertThat(hired.get("stage").asString()).isEqualTo("HIRED");
		assertThat(hired.get("history").values()).extracting((entry) -> entry.get("type").asString())
			.containsSubsequence("CLAIM", "PROPOSAL_SENT", "HIRED");

		BidstreamApi.Response again = demo().send("POST", "/api/v1/pursuits/import", "text/csv", csv);
		assertThat(again.json().get("recorded").asInt()).as("the same file again").isZero();
		assertThat(again.json().get("duplicates").asInt()).isEqualTo(4);
		assertThat(demo().get("/api/v1/pursuits/" + first).json().get("history").size())
			.isEqualTo(hired.get("history").size());
		assertThat(demo().send("POST", "/api/v1/pursuits/import", "text/csv", "jobKey,type,planet\r\n").status())
			.as("an unknown column")
			.isEqualTo(400);
		assertThat(
				demo().send("POST", "/api/v1/pursuits/import", "text/csv", "jobKey,type,occurredAt,type\r\n").status())
			.as("a column named twice")
			.isEqualTo(400);

		// the first rejected rows of the file, in its order, whatever order they were
		// applied in
		StringBuilder unknown = new StringBuilder("jobKey,type,occurredAt\r\n");
		for (int i = 0; i < 150; i++) {
			unknown.append("upwork:~z").append(149 - i).append(",VIEWED,2026-10-03T10:00:00Z\r\n");
		}
		JsonNode manyErrors = demo().send("POST", "/api/v1/pursuits/import", "text/csv", unknown.toString()).json();
		assertThat(manyErrors.get("rejected").asInt()).isEqualTo(150);
		assertThat(manyErrors.get("errors").values()).extracting((error) -> error.get("line").asInt())
			.hasSize(100)
			.startsWith(2, 3, 4)
			.endsWith(101);

		// an eventId used for another pursuit is named as the eventId
		String reused = UUID.randomUUID().toString();
		assertThat(event(demo(), second, "{\"type\": \"VIEWED\", \"eventId\": \"" + reused + "\"}").status())
			.isEqualTo(201);
		JsonNode reuse = demo()
			.send("POST", "/api/v1/pursuits/import", "text/csv",
					"jobKey,type,occurredAt,eventId\r\n" + first + ",VIEWED,2026-10-05T10:00:00Z," + reused + "\r\n")
			.json();
		assertThat(reuse.at("/errors/0/errors/0/field").asString()).as(reuse.toString()).isEqualTo("eventId");
	}

	@Test
	void aCsvBackfillThatIsNotValidTextInItsCharsetIsRefusedNotStoredChanged() throws Exception {
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 55, Decision.REVIEW));
		awaitPursuit(demo(), jobKey, "NEW");
		byte[] head = ("jobKey,type,occurredAt,note\r\n" + jobKey + ",VIEWED,2026-10-03T10:00:00Z,caf")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] body = java.util.Arrays.copyOf(head, head.length + 3);
		body[head.length] = (byte) 0xe9; // Latin-1's é, no UTF-8
		body[head.length + 1] = '\r';
		body[head.length + 2] = '\n';
		var http = java.net.http.HttpClient.newHttpClient();

		var utf8 = http.send(importRequest(body, "text/csv"), java.net.http.HttpResponse.BodyHandlers.ofString());
		var latin1 = http.send(importRequest(body, "text/csv; charset=ISO-8859-1"),
				java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(400);
		assertThat(utf8.body()).contains("not valid UTF-8");
		assertThat(latin1.statusCode()).as(latin1.body()).isEqualTo(200);
		assertThat(demo().get("/api/v1/pursuits/" + jobKey).json().at("/history/0/note").asString()).isEqualTo("café");
	}

	java.net.http.HttpRequest importRequest(byte[] body, String contentType) {
		return java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/pursuits/import"))
			.header("X-Api-Key", "dev-demo-key")
			.header("Content-Type", contentType)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	@Test
	void theContractsListFormWithEmptyFiltersListsEverything() {
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 75, Decision.PURSUE));
		awaitPursuit(demo(), jobKey, "QUEUED");

		BidstreamApi.Response unfiltered = demo().get("/api/v1/pursuits?stage=&freelancerId=&segment=&limit=500");
		BidstreamApi.Response queued = demo().get("/api/v1/pursuits?stage=queued&limit=500");

		assertThat(unfiltered.status()).as(unfiltered.toString()).isEqualTo(200);
		assertThat(unfiltered.json().get("pursuits").values()).extracting((p) -> p.get("jobKey").asString())
			.contains(jobKey);
		assertThat(queued.json().get("pursuits").values()).extracting((p) -> p.get("jobKey").asString())
			.contains(jobKey);
		assertThat(queued.json().get("pursuits").values())
			.allSatisfy((p) -> assertThat(p.get("stage").asString()).isEqualTo("QUEUED"));
	}

	/**
	 * Tracking took any text as a freelancer id (`../x`, `=1+2;x`), which became groups
	 * of the funnel report. A new holder's id now follows the roster's rule; a pursuit
	 * held by an id taken before that rule can still be proposed and released by it.
	 */
	@Test
	void aFreelancerIdNoRosterCanHoldIsRefusedButAHolderFromBeforeTheRuleMayGoOn() {
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 75, Decision.PURSUE));
		awaitPursuit(demo(), jobKey, "QUEUED");

		for (String id : List.of("../x", "=1+2;x", "fl\\u202e01 <script>", "-fl", "f".repeat(65))) {
			BidstreamApi.Response refused = event(demo(), jobKey,
					"{\"type\": \"CLAIM\", \"freelancerId\": \"" + id + "\"}");
			assertThat(refused.status()).as(id).isEqualTo(400);
			assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("freelancerId");
			assertThat(refused.json().at("/errors/0/message").asString()).isEqualTo(FreelancerIds.RULE);
		}
		this.jdbc.update("update pursuits set stage = 'CLAIMED', freelancer_id = 'Jane Doe' where job_key = ?", jobKey);
		BidstreamApi.Response proposed = event(demo(), jobKey,
				"{\"type\": \"PROPOSAL_SENT\", \"freelancerId\": \"Jane Doe\", \"connectsSpent\": 8}");
		BidstreamApi.Response released = event(demo(), jobKey,
				"{\"type\": \"RELEASE\", \"freelancerId\": \"Jane Doe\"}");
		BidstreamApi.Response claimed = event(demo(), jobKey, "{\"type\": \"CLAIM\", \"freelancerId\": \"fl-1\"}");

		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		assertThat(released.status()).as(released.toString()).isEqualTo(201);
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
	}

	@Test
	void aSecondFreelancersClaimIsAConflict() {
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 75, Decision.PURSUE));
		awaitPursuit(demo(), jobKey, "QUEUED");
		event(demo(), jobKey, "{\"type\": \"CLAIM\", \"freelancerId\": \"fl-1\"}");

		BidstreamApi.Response second = event(demo(), jobKey, "{\"type\": \"CLAIM\", \"freelancerId\": \"fl-2\"}");

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.contentType()).startsWith("application/problem+json");
		assertThat(second.json().get("detail").asString()).contains("fl-1");
		assertThat(demo().get("/api/v1/pursuits/" + jobKey).json().get("freelancerId").asString()).isEqualTo("fl-1");
	}

	@Test
	void anEventAfterALossIsAConflict() {
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 75, Decision.PURSUE));
		awaitPursuit(demo(), jobKey, "QUEUED");
		BidstreamApi.Response lost = event(demo(), jobKey, "{\"type\": \"LOST\", \"reason\": \"PRICE\"}");

		BidstreamApi.Response after = event(demo(), jobKey, "{\"type\": \"VIEWED\"}");

		assertThat(lost.status()).isEqualTo(201);
		assertThat(lost.json().get("outcome").asString()).isEqualTo("LOST");
		assertThat(lost.json().get("reason").asString()).isEqualTo("PRICE");
		assertThat(after.status()).isEqualTo(409);
		assertThat(after.json().get("detail").asString()).contains("LOST");
		assertThat(awaitPublished("demo", jobKey, 2)).extracting(PursuitAdvanced::action)
			.containsExactlyInAnyOrder(Action.QUEUE, Action.LOST);
		assertThat(demo().get("/api/v1/pursuits?outcome=lost&limit=500").body()).as("found by its outcome")
			.contains(jobKey);
		assertThat(demo().get("/api/v1/pursuits?outcome=WITHDRAWN&limit=500").body()).doesNotContain(jobKey);
		assertThat(demo().get("/api/v1/pursuits?stage=QUEUED&outcome=LOST&limit=500").body())
			.as("it keeps the stage it reached")
			.contains(jobKey);
	}

	@Test
	void anotherAgencysPursuitIsNotFoundAndInvisible() {
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 75, Decision.PURSUE));
		awaitPursuit(demo(), jobKey, "QUEUED");

		assertThat(acme().get("/api/v1/pursuits/" + jobKey).status()).isEqualTo(404);
		assertThat(event(acme(), jobKey, "{\"type\": \"CLAIM\", \"freelancerId\": \"fl-9\"}").status()).isEqualTo(404);
		assertThat(acme().get("/api/v1/pursuits?limit=500").body()).doesNotContain(jobKey);
		assertThat(demo().get("/api/v1/pursuits?stage=QUEUED").body()).contains(jobKey);
		assertThat(demo().get("/api/v1/pursuits/" + jobKey).json().get("stage").asString()).as("unchanged")
			.isEqualTo("QUEUED");
	}

	@Test
	void aLookupFindsTheNamedPursuitsOfTheCallersAgencyOnly() {
		String mine = newJobKey();
		String ended = newJobKey();
		String acmes = newJobKey();
		publish(scored("demo", mine, 1, 75, Decision.PURSUE));
		publish(scored("demo", ended, 1, 60, Decision.REVIEW));
		publish(scored("acme", acmes, 1, 80, Decision.PURSUE));
		awaitPursuit(demo(), mine, "QUEUED");
		awaitPursuit(demo(), ended, "NEW");
		awaitPursuit(acme(), acmes, "QUEUED");
		assertThat(event(demo(), ended, "{\"type\": \"WITHDRAWN\"}").status()).isEqualTo(201);
		String body = "{\"jobKeys\": [\"" + mine + "\", \"" + ended + "\", \"" + acmes + "\", \"upwork:~nosuch\"]}";

		BidstreamApi.Response found = demo().post("/api/v1/pursuits/lookup", body);

		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.json().get("pursuits")).extracting((p) -> p.get("jobKey").asString())
			.containsExactlyInAnyOrder(mine, ended);
		assertThat(found.body()).doesNotContain(acmes);
		assertThat(found.json().findValues("outcome")).extracting(JsonNode::asString).contains("WITHDRAWN");
		BidstreamApi operator = BidstreamApi.at("http://localhost:" + this.port, "dev-operator-key");
		assertThat(operator.post("/api/v1/pursuits/lookup", body).status()).as("an operator names the agency")
			.isEqualTo(400);
		assertThat(operator.post("/api/v1/pursuits/lookup?agency=acme", body).json().get("pursuits"))
			.extracting((p) -> p.get("jobKey").asString())
			.containsExactly(acmes);
		BidstreamApi.Response notAList = demo().post("/api/v1/pursuits/lookup", "{\"jobKeys\": \"x\"}");
		assertThat(notAList.status()).isEqualTo(400);
		assertThat(notAList.json().at("/errors/0/field").asString()).isEqualTo("jobKeys");
		assertThat(demo().post("/api/v1/pursuits/lookup", "{\"jobKeys\": [\"a\\u0000b\"]}").status()).isEqualTo(400);
		assertThat(
				operator.withHeader("X-Agency-Id", "acme").post("/api/v1/pursuits/lookup", body).json().get("pursuits"))
			.extracting((p) -> p.get("jobKey").asString())
			.containsExactly(acmes);
		String thousand = java.util.stream.IntStream.range(0, 1_000)
			.mapToObj((i) -> "\"upwork:~many" + i + "\"")
			.collect(java.util.stream.Collectors.joining(","));
		assertThat(demo().post("/api/v1/pursuits/lookup", "{\"jobKeys\": [" + thousand + "]}").status()).isEqualTo(200);
		BidstreamApi.Response tooMany = demo().post("/api/v1/pursuits/lookup",
				"{\"jobKeys\": [" + thousand + ", \"upwork:~one-more\"]}");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().at("/errors/0/field").asString()).isEqualTo("jobKeys");
		assertThat(demo().post("/api/v1/pursuits/lookup", "{\"jobKeys\": [\"" + "k".repeat(300) + "\"]}").status())
			.isEqualTo(200);
		assertThat(demo().post("/api/v1/pursuits/lookup", "{\"jobKeys\": [\"" + "k".repeat(301) + "\"]}").status())
			.isEqualTo(400);
	}

	@Test
	void anEventForAnUnknownJobKeyIsNotFound() {
		BidstreamApi.Response response = event(demo(), newJobKey(), "{\"type\": \"VIEWED\"}");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anOlderScoreArrivingLateChangesNothing() {
		String jobKey = newJobKey();

		publish(scored("demo", jobKey, 2, 60, Decision.REVIEW));
		publish(scored("demo", jobKey, 1, 95, Decision.PURSUE));
		publish(scored("demo", jobKey, 3, 61, Decision.REVIEW));

		await().atMost(WAIT).until(() -> {
			BidstreamApi.Response response = demo().get("/api/v1/pursuits/" + jobKey);
			return response.status() == 200 && response.json().get("score").asInt() == 61;
		});
		JsonNode pursuit = demo().get("/api/v1/pursuits/" + jobKey).json();
		assertThat(pursuit.get("stage").asString()).as("the late PURSUE of version 1 queued nothing").isEqualTo("NEW");
		assertThat(pursuit.get("history")).isEmpty();
	}

	@Test
	void aLaterScoreThatPursuesQueuesAWaitingPursuit() {
		String jobKey = newJobKey();

		publish(scored("demo", jobKey, 1, 60, Decision.REVIEW));
		publish(scored("demo", jobKey, 2, 80, Decision.PURSUE));

		JsonNode pursuit = awaitPursuit(demo(), jobKey, "QUEUED");
		assertThat(pursuit.get("score").asInt()).isEqualTo(80);
		assertThat(pursuit.get("history")).hasSize(1);
	}

	@Test
	void aGarbageMessageGoesToTheDeadLetterTopicAndTheGoodOneBesideItIsProcessed() {
		String marker = UUID.randomUUID().toString();
		String jobKey = newJobKey();

		kafka().send(Topics.LISTINGS_SCORED, "demo|garbage", "{not json " + marker);
		publish(scored("demo", jobKey, 1, 75, Decision.PURSUE));

		awaitPursuit(demo(), jobKey, "QUEUED");
		List<Message> dead = kafka().awaitRecords(Topics.deadLetter(Topics.LISTINGS_SCORED, "tracking"),
				(m) -> m.value().contains(marker), WAIT);
		assertThat(dead).singleElement().satisfies((m) -> {
			assertThat(m.headers()).containsEntry("x-original-topic", Topics.LISTINGS_SCORED);
			assertThat(m.headers().get("x-exception-message")).contains("not a valid ListingScored");
		});
	}

	@Test
	void anOperatorActsForTheAgencyItNames() {
		String agency = "op" + UUID.randomUUID().toString().substring(0, 8);
		String jobKey = newJobKey();
		BidstreamApi operator = BidstreamApi.at("http://localhost:" + this.port, "dev-operator-key");
		publish(scored(agency, jobKey, 1, 75, Decision.PURSUE));
		awaitPursuit(operator.withHeader("X-Agency-Id", agency), jobKey, "QUEUED");

		BidstreamApi.Response withoutAgency = event(operator, jobKey, "{\"type\": \"WITHDRAWN\"}");
		BidstreamApi.Response withAgency = event(operator.withHeader("X-Agency-Id", agency), jobKey,
				"{\"type\": \"WITHDRAWN\"}");

		assertThat(withoutAgency.status()).isEqualTo(400);
		assertThat(withAgency.status()).isEqualTo(201);
		assertThat(operator.get("/api/v1/pursuits?agency=" + agency).json().get("pursuits")).singleElement()
			.satisfies((p) -> assertThat(p.get("outcome").asString()).isEqualTo("WITHDRAWN"));
	}

	/**
	 * The Grafana dashboard of docker-compose.yml queries only
	 * {@code bidstream_tracking_*} metrics this service serves (reporting-service's
	 * DashboardMetricsTests checks the rest).
	 */
	@Test
	void everyMetricTheDashboardQueriesOfTrackingIsScraped() {
		Set<String> queried = DashboardQueries.metrics(DashboardQueries.DASHBOARD)
			.stream()
			.filter((name) -> name.startsWith("bidstream_tracking_"))
			.collect(Collectors.toSet());
		String jobKey = newJobKey();
		publish(scored("demo", jobKey, 1, 55, Decision.REVIEW));
		awaitPursuit(demo(), jobKey, "NEW");
		assertThat(event(demo(), jobKey,
				"{\"eventId\": \"" + UUID.randomUUID() + "\", \"type\": \"CLAIM\", \"freelancerId\": \"fl-1\"}")
			.status()).isEqualTo(201);

		Set<String> scraped = DashboardQueries
			.sampleNames(BidstreamApi.at("http://localhost:" + this.port, null).get("/actuator/prometheus").body());

		assertThat(queried).isNotEmpty().allSatisfy((name) -> assertThat(scraped).as(name).contains(name));
	}

}
