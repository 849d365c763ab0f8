package com.bidstream.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import com.bidstream.contracts.EventCodec;
import com.bidstream.localstack.services.Service;
import com.bidstream.testsupport.HeadlessChromium;
import com.bidstream.testsupport.BidstreamApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's Queue (issue 10) in headless Chromium against the running stack, with
 * the real scoring and tracking behind reporting's backend-for-frontend: a PURSUE listing
 * of agency demo is posted and scored; a member signs in, claims it from the Queue and
 * records a proposal, tracking has it PROPOSED and the funnel report (and the page's
 * overview) counts it; a second member of demo, with a key made by
 * {@code ./bidstream key create}, claims it for another freelancer and is told in words
 * that someone else holds it; acme's Queue never shows demo's listings. Leaves
 * {@code target/e2e-queue.png} and {@code target/e2e-operator.png}.
 * <p>
 * Called by {@link LocalStackEndToEndTests} once its stack is up with data, so no second
 * stack is started. Waits until the funnel has counted everything this does, so the
 * caller may take the funnel as settled afterwards.
 */
final class QueueInBrowser {

	private static final Duration PIPELINE = Duration.ofSeconds(90);

	private static final Duration PAGE = Duration.ofSeconds(60);

	/** Chromium logs every 4xx answer to a fetch; the page explains this one. */
	private static final String CONFLICT_LINE = "/events - Failed to load resource: the server responded with a status of 409";

	private static final int CONNECTS = 14;

	/**
	 * Quiet about the DevTools protocol version: the test drives Chromium through
	 * WebDriver only, so Selenium's warning that it has no CDP binding for Debian's
	 * Chromium is noise. Held here so the settings are not collected.
	 */
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	static {
		QUIET.forEach((logger) -> logger.setLevel(Level.SEVERE));
	}

	private final LocalStack stack;

	private final String jobKey;

	private final String externalId;

	private final String ana;

	private final String bo;

	private final List<ChromeDriver> browsers = new ArrayList<>();

	QueueInBrowser(LocalStack stack, String run) {
		this.stack = stack;
		this.externalId = "queue-" + run;
		this.jobKey = "e2e:" + this.externalId;
		this.ana = "fl-ana-" + run;
		this.bo = "fl-bo-" + run;
	}

	void claimProposeAndSeeTheConflict() {
		try {
			run();
		}
		finally {
			this.browsers.forEach(WebDriver::quit);
		}
	}

	private void run() {
		Console console = new Console(System.out);
		BidstreamApi scoring = api(Service.SCORING, "dev-demo-key");
		BidstreamApi tracking = api(Service.TRACKING, "dev-demo-key");
		BidstreamApi reports = api(Service.REPORTING, "dev-demo-key");
		JsonNode before = enterprise(reports);
		postAPursueListing(scoring, tracking);
		await().atMost(PIPELINE).untilAsserted(() -> {
			JsonNode now = enterprise(reports);
			assertThat(now.path("scored").asInt()).isEqualTo(before.path("scored").asInt(0) + 1);
			assertThat(now.path("queued").asInt()).isEqualTo(before.path("queued").asInt(0) + 1);
		});

		ChromeDriver member = signIn("dev-demo-key");
		WebElement card = wait(member).until(ExpectedConditions.presenceOfElementLocated(card(this.jobKey)));
		assertThat(member.findElement(By.id("who")).getText()).isEqualTo("agency demo");
		assertThat(field(card, "score"))
			.isEqualTo(String.valueOf(scoring.get("/api/v1/scores/" + this.jobKey).json().path("score").asInt()));
		assertThat(field(card, "segment")).isEqualTo("enterprise");
		wait(member).until((b) -> field(card, "stage").equals("QUEUED"));

		act(card, "CLAIM", Map.of("freelancerId", this.ana));
		wait(member).until(ExpectedConditions.textToBePresentInElement(card.findElement(By.className("outcome")),
				"Claimed. The pursuit is now CLAIMED, held by " + this.ana + "."));
		act(card, "PROPOSAL_SENT",
				Map.of("freelancerId", this.ana, "connectsSpent", String.valueOf(CONNECTS), "bidAmount", "8600"));
		wait(member).until(ExpectedConditions.textToBePresentInElement(card.findElement(By.className("outcome")),
				"Proposal sent. The pursuit is now PROPOSED, held by " + this.ana + "."));

		JsonNode pursuit = tracking.get("/api/v1/pursuits/" + this.jobKey).json();
		assertThat(pursuit.path("stage").asString()).isEqualTo("PROPOSED");
		assertThat(pursuit.path("freelancerId").asString()).isEqualTo(this.ana);
		JsonNode proposal = pursuit.path("history")
			.valueStream()
			.filter((entry) -> entry.path("type").asString().equals("PROPOSAL_SENT"))
			.findFirst()
			.orElseThrow();
		assertThat(proposal.path("connectsSpent").asInt()).isEqualTo(CONNECTS);
		assertThat(proposal.path("bidAmount").decimalValue()).isEqualByComparingTo("8600");
		await().atMost(PIPELINE).untilAsserted(() -> {
			JsonNode now = enterprise(reports);
			assertThat(now.path("proposed").asInt()).as("the funnel moved")
				.isEqualTo(before.path("proposed").asInt(0) + 1);
			assertThat(now.path("connectsSpent").asInt()).isEqualTo(before.path("connectsSpent").asInt(0) + CONNECTS);
		});
		JsonNode counted = enterprise(reports);
		member.findElement(By.id("tab-overview")).click();
		wait(member).until((b) -> Map
			.of("scored", counted.path("scored").asString(), "queued", counted.path("queued").asString(), "proposed",
					counted.path("proposed").asString())
			.entrySet()
			.stream()
			.allMatch((cell) -> cell.getValue().equals(overviewCell(b, "enterprise", cell.getKey()))));
		assertNoConsoleErrors(member);

		operatorView();
		secondMemberSeesTheConflict(tracking);
		acmeNeverSeesDemosListings(scoring);
		console.step("dashboard", "Queue in Chromium: claim, proposal, conflict");
	}

	private void postAPursueListing(BidstreamApi scoring, BidstreamApi tracking) {
		BidstreamApi.Response accepted = api(Service.INGEST, "dev-demo-key").post("/api/v1/listings",
				EventCodec.toJson(List.of(EndToEndListings.enterprise(this.externalId,
						"Event-driven billing service on Spring Boot and Kafka", 9000))));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(scoring.get("/api/v1/scores/" + this.jobKey).status()).isEqualTo(200));
		assertThat(scoring.get("/api/v1/scores/" + this.jobKey).json().path("decision").asString())
			.as("the listing the Queue shows under Pursue")
			.isEqualTo("PURSUE");
		await().atMost(PIPELINE)
			.untilAsserted(
					() -> assertThat(tracking.get("/api/v1/pursuits/" + this.jobKey).json().path("stage").asString())
						.isEqualTo("QUEUED"));
	}

	/**
	 * The operator's overview lists the stages the health report names; its screenshot.
	 */
	private void operatorView() {
		ChromeDriver operator = signIn("dev-operator-key");
		wait(operator)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stages tr[data-stage='reporting']")));
		JsonNode health = api(Service.REPORTING, "dev-operator-key").get("/api/v1/reports/health").json();
		assertThat(operator.findElements(By.cssSelector("#stages tr[data-stage]"))
			.stream()
			.map((tr) -> tr.getAttribute("data-stage"))).containsExactlyElementsOf(
					health.get("stages").valueStream().map((stage) -> stage.get("name").asString()).toList());
		wait(operator)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel tr[data-group='enterprise']")));
		screenshot(operator, "e2e-operator.png");
		assertNoConsoleErrors(operator);
	}

	/**
	 * Another person of agency demo, signed in with a key of their own, claims the
	 * listing for another freelancer: the page says who holds it, and tracking is
	 * unchanged.
	 */
	private void secondMemberSeesTheConflict(BidstreamApi tracking) {
		String key = newDemoMemberKey();
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(api(Service.REPORTING, key).get("/api/v1/reports/funnel").status())
				.as("the services read the keys file again")
				.isEqualTo(200));
		ChromeDriver second = signIn(key);
		assertThat(second.findElement(By.id("who")).getText()).isEqualTo("agency demo");
		WebElement card = wait(second).until(ExpectedConditions.presenceOfElementLocated(card(this.jobKey)));
		wait(second).until((b) -> field(card, "stage").equals("PROPOSED · " + this.ana));

		act(card, "CLAIM", Map.of("freelancerId", this.bo));
		WebElement outcome = card.findElement(By.className("outcome"));
		wait(second).until(ExpectedConditions.textToBePresentInElement(outcome, "Someone else holds this listing."));
		assertThat(outcome.getText()).contains("Freelancer " + this.ana + " holds this pursuit");
		JsonNode pursuit = tracking.get("/api/v1/pursuits/" + this.jobKey).json();
		assertThat(pursuit.path("stage").asString()).isEqualTo("PROPOSED");
		assertThat(pursuit.path("freelancerId").asString()).isEqualTo(this.ana);
		screenshot(second, "e2e-queue.png");
		assertNoConsoleErrors(second, CONFLICT_LINE);
	}

	private void acmeNeverSeesDemosListings(BidstreamApi scoring) {
		Set<String> demos = scoring.get("/api/v1/scores?limit=500")
			.json()
			.path("scores")
			.valueStream()
			.map((score) -> score.path("jobKey").asString())
			.collect(Collectors.toSet());
		assertThat(demos).contains(this.jobKey);
		ChromeDriver acme = signIn("dev-acme-key");
		wait(acme)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-status"), "Queue of agency acme:"));
		assertThat(acme.findElements(By.cssSelector("#queue li.listing"))
			.stream()
			.map((li) -> li.getAttribute("data-job"))).as("demo's listings in acme's Queue")
			.doesNotContainAnyElementsOf(demos);
		assertThat(api(Service.TRACKING, "dev-acme-key").get("/api/v1/pursuits/" + this.jobKey).status())
			.isEqualTo(404);
		assertThat(api(Service.SCORING, "dev-acme-key").get("/api/v1/scores/" + this.jobKey).status()).isEqualTo(404);
		assertNoConsoleErrors(acme);
	}

	/**
	 * A MEMBER key of agency demo, made as a user makes one
	 * ({@code ./bidstream key create
	 * --agency demo}) while the stack runs.
	 */
	private String newDemoMemberKey() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code;
		try {
			code = Launcher.run(new String[] { "key", "create", "--agency", "demo", "--data-dir",
					this.stack.dataRoot().toString() }, new PrintStream(out, true, StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(code).as(printed).isZero();
		return printed.lines().map(String::strip).filter((line) -> line.startsWith("bsk_")).findFirst().orElseThrow();
	}

	/**
	 * The enterprise row of demo's funnel over the page's default window (the last 30
	 * days, by segment); a missing node (counts of 0) before the row exists.
	 */
	private static JsonNode enterprise(BidstreamApi reports) {
		BidstreamApi.Response response = reports
			.get("/api/v1/reports/funnel?groupBy=segment&from=" + LocalDate.now(ZoneOffset.UTC).minusDays(30));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json()
			.path("rows")
			.valueStream()
			.filter((row) -> row.path("group").asString().equals("enterprise"))
			.findFirst()
			.orElse(MissingNode.getInstance());
	}

	private BidstreamApi api(Service service, String key) {
		return BidstreamApi.at(this.stack.url(service), key);
	}

	private ChromeDriver signIn(String key) {
		ChromeDriver browser = browser();
		browser.get(this.stack.url(Service.REPORTING) + "/");
		browser.findElement(By.id("apiKey")).sendKeys(key);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
		assertThat(browser.getCurrentUrl()).doesNotContain(key);
		return browser;
	}

	private ChromeDriver browser() {
		ChromeDriver browser = HeadlessChromium
			.open(this.stack.dataRoot().resolveSibling("chromium-" + this.browsers.size()));
		this.browsers.add(browser);
		return browser;
	}

	private static WebDriverWait wait(WebDriver browser) {
		return HeadlessChromium.waitOn(browser, PAGE);
	}

	private static By card(String jobKey) {
		return By.cssSelector("li.listing[data-job='" + jobKey + "']");
	}

	private static String field(WebElement card, String name) {
		return card.findElement(By.cssSelector("[data-field='" + name + "']")).getText();
	}

	private static String overviewCell(WebDriver browser, String group, String field) {
		return browser
			.findElements(By.cssSelector("#funnel tr[data-group='" + group + "'] [data-field='" + field + "']"))
			.stream()
			.map(WebElement::getText)
			.findFirst()
			.orElse("");
	}

	private static void act(WebElement card, String type, Map<String, String> values) {
		new Select(card.findElement(By.name("type"))).selectByValue(type);
		values.forEach((name, value) -> {
			WebElement input = card.findElement(By.name(name));
			input.clear();
			input.sendKeys(value);
		});
		card.findElement(By.cssSelector("form.act button[type=submit]")).click();
	}

	/**
	 * Nothing logged at warning or above but the {@code expected} lines.
	 */
	private static void assertNoConsoleErrors(WebDriver browser, String... expected) {
		List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
		assertThat(entries).as("browser console")
			.filteredOn((entry) -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.filteredOn((entry) -> Arrays.stream(expected).noneMatch(entry.getMessage()::contains))
			.isEmpty();
	}

	private static void screenshot(ChromeDriver browser, String name) {
		try {
			Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
