package com.bidstream.reporting.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.contracts.Topics;
import com.bidstream.reporting.ReportingEvents;
import com.bidstream.testsupport.HeadlessChromium;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.ServiceIntegrationTest;
import com.bidstream.testsupport.TopicReader;

import static com.bidstream.reporting.ReportingEvents.pursuit;
import static com.bidstream.reporting.ReportingEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real (headless) Chromium against the reporting service with events
 * published on its topics, and scoring and tracking played by {@link QueueStub}. Leaves
 * screenshots of the operator view and the Queue under {@code target/}.
 */
@ServiceIntegrationTest(database = "reporting")
class DashboardBrowserTests {

	static final QueueStub stub = new QueueStub();

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	final List<ChromeDriver> browsers = new ArrayList<>();

	@TempDir
	Path profiles;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("bidstream.reporting.scoring-url", stub::scoringUrl);
		registry.add("bidstream.reporting.tracking-url", stub::trackingUrl);
	}

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@AfterEach
	void stopBrowsers() {
		this.browsers.forEach(WebDriver::quit);
	}

	@Test
	void aMemberReadsTheSameNumbersAsTheApiAndAFilterChangesThem() throws Exception {
		String jobs = "upwork:~browser-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		Instant firstIngested = Instant.now().minus(Duration.ofHours(2));
		Instant lastMonth = Instant.now().minus(Duration.ofDays(20));
		ReportingEvents events = new ReportingEvents(new TopicReader(this.kafkaBootstrapServers));
		events.publish(score("demo", jobs + "1", 1, "enterprise", firstIngested, null, firstIngested));
		events.publish(score("demo", jobs + "2", 1, "enterprise", firstIngested, null, firstIngested));
		events.publish(score("demo", jobs + "3", 1, "established", firstIngested, null, firstIngested));
		events.publish(score("demo", jobs + "old", 1, "established", lastMonth, null, lastMonth));
		events.publish(pursuit("demo", jobs + "1", Action.QUEUE, Stage.QUEUED, firstIngested));
		events.publish(
				pursuit("demo", jobs + "1", Action.PROPOSAL_SENT, Stage.PROPOSED, firstIngested, "fl-ana", 16, null));
		events.publish(pursuit("demo", jobs + "1", Action.REPLIED, Stage.REPLIED, Instant.now()));
		events.publish(pursuit("demo", jobs + "2", Action.QUEUE, Stage.QUEUED, firstIngested));
		events.publish(
				pursuit("demo", jobs + "2", Action.PROPOSAL_SENT, Stage.PROPOSED, firstIngested, "fl-bo", 8, null));
		events.publish(pursuit("demo", jobs + "2", Action.LOST, Stage.PROPOSED, Instant.now()));
		BidstreamApi demo = BidstreamApi.at(base(), "dev-demo-key");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> demo.get("/api/v1/reports/funnel").body().contains("\"replied\":1")
					&& demo.get("/api/v1/reports/funnel").body().contains("\"lost\":1")
					&& demo.get("/api/v1/reports/funnel").json().at("/rows/1/scored").asLong() == 2);

		ChromeDriver browser = browser();
		browser.get(base() + "/");
		signIn(browser, "not-a-real-key");
		// the form posts and the page reloads: wait for it rather than read the old page
		assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText())
			.contains("not valid");
		signIn(browser, "dev-demo-key");
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
		assertThat(browser.getCurrentUrl()).as("a member starts on the Queue").isEqualTo(base() + "/#queue");
		browser.findElement(By.id("tab-overview")).click();
		wait(browser)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel tr[data-group='enterprise']")));

		assertThat(browser.getCurrentUrl()).doesNotContain("dev-demo-key");
		assertThat(browser.getPageSource()).doesNotContain("dev-demo-key");
		assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("agency demo");
		assertThat(browser.manage().getCookieNamed("BIDSTREAM_SESSION").isHttpOnly()).isTrue();
		JsonNode api = demo.get("/api/v1/reports/funnel?from=" + daysAgo(30)).json();
		onThePage(() -> assertPageShows(browser, api));
		onThePage(() -> assertThat(row(browser, "enterprise")).containsEntry("replyRate", "50.0%")
			.containsEntry("replyRateInterval", "9.5–90.6%"));
		assertThat(row(browser, "established")).containsEntry("scored", "2").containsEntry("replyRate", "–");
		assertThat(browser.findElement(By.cssSelector("#diagnoses li[data-group='enterprise']")).getText())
			.contains(api.at("/rows/0/diagnosis/message").asString());
		assertThat(api.at("/rows/0/lossReasons").properties()).isNotEmpty()
			.allSatisfy((reason) -> assertThat(browser
				.findElement(
						By.cssSelector("#losses tr[data-group='enterprise'] td[data-field='" + reason.getKey() + "']"))
				.getText()).isEqualTo(reason.getValue().asString()));
		assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("/api/v1/reports/funnel.csv");
		new Select(browser.findElement(By.id("marketInterval"))).selectByValue("month");
		wait(browser).until((b) -> {
			String href = b.findElement(By.id("market-csv")).getAttribute("href");
			return href.contains("/api/v1/reports/market.csv?") && href.contains("interval=month");
		});
		JsonNode market = demo.get("/api/v1/reports/market?interval=month&groupBy=category&from=" + daysAgo(30)).json();
		long median = Math.round(market.at("/rows/0/medianValue").asDouble());
		String dollars = "$" + String.format(java.util.Locale.US, "%,d", median);
		wait(browser).until((b) -> b.findElements(By.cssSelector("#market-latest td[data-field='medianValue']"))
			.stream()
			.anyMatch((td) -> td.getText().equals(dollars)));
		assertThat(dollars).as("a value over a thousand, written with its comma").contains(",");
		wait(browser).until(
				(b) -> !b.findElements(By.cssSelector("#stage-chart")).isEmpty() && (Boolean) ((JavascriptExecutor) b)
					.executeScript("return !!window.Chart && !!Chart.getChart('stage-chart')"));
		// each rate is drawn on its own interval bar (a line dataset put every rate's
		// marker
		// at the group's centre, over another rate's bar)
		Object rates = ((JavascriptExecutor) browser).executeScript("var c = Chart.getChart('rate-chart');"
				+ "if (!c || !c.config.plugins.some(function (p) { return p.id === 'rateMarkers'; })) { return null; }"
				+ "return c.data.datasets.map(function (d, i) { return { type: d.type || 'bar', rate: d.rates[0],"
				+ " x: c.getDatasetMeta(i).data[0].x }; });");
		assertThat(rates).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSize(4)
			.allSatisfy((rate) -> assertThat(((Map<?, ?>) rate).get("type")).isEqualTo("bar"))
			.extracting((rate) -> ((Map<?, ?>) rate).get("x"))
			.as("four bars side by side")
			.doesNotHaveDuplicates();
		assertThat(((Number) ((Map<?, ?>) ((List<?>) rates).get(0)).get("rate")).doubleValue())
			.isCloseTo(api.at("/rows/0/viewRate").asDouble() * 100, org.assertj.core.data.Offset.offset(1e-6));
		screenshot(browser, "dashboard-member-overview.png");

		new Select(browser.findElement(By.id("window"))).selectByValue("7");
		wait(browser).until((b) -> row(b, "established").getOrDefault("scored", "").equals("1"));
		JsonNode lastWeek = demo.get("/api/v1/reports/funnel?from=" + daysAgo(7)).json();
		onThePage(() -> assertPageShows(browser, lastWeek));

		// a custom window of one day: the To picked is included (a report's period is
		// [from, to)); it was refused ("to must be after from") with the last figures
		// left
		String today = daysAgo(0);
		new Select(browser.findElement(By.id("window"))).selectByValue("custom");
		customWindow(browser, today, today);
		wait(browser)
			.until((b) -> b.findElement(By.id("status")).getText().contains("from " + today + " to " + today + " "));
		JsonNode oneDay = demo.get("/api/v1/reports/funnel?from=" + today + "&to=" + daysAgo(-1)).json();
		onThePage(() -> assertPageShows(browser, oneDay));
		// a window refused shows no figures, not the last window's as if they were its
		// own
		customWindow(browser, today, daysAgo(1));
		wait(browser).until((b) -> b.findElement(By.cssSelector("#funnel tbody")).getText().contains("No figures"));
		assertThat(browser.findElement(By.cssSelector("#funnel tbody")).getText())
			.isEqualTo("No figures for this window: to must be after from");
		assertThat(browser.findElements(By.cssSelector("#funnel tbody tr[data-group]"))).isEmpty();
		new Select(browser.findElement(By.id("window"))).selectByValue("7");
		wait(browser).until((b) -> row(b, "established").getOrDefault("scored", "").equals("1"));

		new Select(browser.findElement(By.id("groupBy"))).selectByValue("freelancer");
		wait(browser)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel tr[data-group='fl-ana']")));
		JsonNode byFreelancer = demo.get("/api/v1/reports/funnel?groupBy=freelancer&from=" + daysAgo(7)).json();
		onThePage(() -> assertPageShows(browser, byFreelancer));

		// a 1280 px screen: the funnel table fits without scrolling sideways
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
		wait(browser)
			.until((b) -> (Boolean) ((JavascriptExecutor) b).executeScript("return window.innerWidth <= 1280"));
		assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
				"var wrap = document.getElementById('funnel').parentElement; return wrap.scrollWidth - wrap.clientWidth"))
			.intValue()).as("the funnel table scrolls sideways at 1280 px by").isLessThanOrEqualTo(1);
		// the loss reasons with all eight of the contract's reasons (this test's data has
		// two), as the page draws them, in their half of the screen
		assertThat(((Number) ((JavascriptExecutor) browser).executeScript("var t = document.getElementById('losses');"
				+ "var reasons = ['CLIENT_HIRED_OTHER', 'JOB_CLOSED', 'NO_RESPONSE', 'OTHER', 'PRICE', 'SCOPE', 'TIMING',"
				+ " 'TRUST'].map(function (r) { return r.replace(/_/g, ' ').toLowerCase(); });"
				+ "t.tHead.innerHTML = '<tr><th class=\"text\">Group</th>' + reasons.map(function (r) {"
				+ " return '<th>' + r + '</th>'; }).join('') + '</tr>';"
				+ "t.tBodies[0].innerHTML = '<tr><td class=\"text group\">established</td>' + reasons.map(function () {"
				+ " return '<td>12</td>'; }).join('') + '</tr>';"
				+ "return t.parentElement.scrollWidth - t.parentElement.clientWidth;"))
			.intValue()).as("the loss reasons scroll sideways at 1280 px by").isLessThanOrEqualTo(1);
		screenshot(browser, "dashboard-member-overview-1280.png");
		// latencies in the unit a person reads them in (the test's events are hours old)
		assertThat(demo.get("/api/v1/reports/health").json().get("stages").valueStream())
			.anySatisfy((stage) -> assertThat(stage.at("/latencyMs/p50").isNumber()).isTrue());
		assertThat(browser.findElements(By
			.cssSelector("#stages td[data-field='p50'], #stages td[data-field='p95'], #stages td[data-field='p99']")))
			.isNotEmpty()
			.allSatisfy((td) -> assertThat(td.getText()).matches("–|\\d{1,3} ms|\\d+\\.\\d s|\\d+ min|\\d+\\.\\d h"));

		// a phone (500 px, headless Chromium's narrowest window): one column, and only a
		// table scrolls sideways inside its panel, never the page
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(500, 900));
		wait(browser).until((b) -> (Boolean) ((JavascriptExecutor) b).executeScript("return window.innerWidth <= 500"));
		Object overflow = ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
				+ "'main > *, .panel')).filter(function (e) { var r = e.getBoundingClientRect();"
				+ " return r.width > 0 && r.right > document.documentElement.clientWidth + 1; })"
				+ ".map(function (e) { return (e.id || e.className) + ' ' + Math.round(e.getBoundingClientRect().right); })");
		assertThat(overflow).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.as("what reaches past a phone's screen")
			.isEmpty();
		assertThat(((Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
			.intValue()).as("the page scrolls sideways by").isLessThanOrEqualTo(1);
		screenshot(browser, "dashboard-member-overview-phone.png");
		assertNoConsoleErrors(browser, "/login - Failed to load resource: the server responded with a status of 401",
				// the window refused on purpose above
				"from=" + today + "&to=" + today + "&");
	}

	@Test
	void theOperatorViewShowsHealthAndRedrivesADeadLetterFromThePage() throws Exception {
		String marker = UUID.randomUUID().toString();
		new TopicReader(this.kafkaBootstrapServers).send(Topics.LISTINGS_SCORED, "ops|garbage", "{not json " + marker);
		BidstreamApi operator = BidstreamApi.at(base(), "dev-operator-key");
		await().atMost(Duration.ofSeconds(90))
			.until(() -> operator.get("/api/v1/dead-letters?limit=50").body().contains(marker));

		ChromeDriver browser = browser();
		browser.get(base() + "/");
		signIn(browser, "dev-operator-key");
		wait(browser)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stages tr[data-stage='scoring']")));
		JsonNode health = operator.get("/api/v1/reports/health").json();
		wait(browser).until((b) -> !b.findElement(By.id("health-reason")).getText().isEmpty());
		assertThat(browser.findElements(By.cssSelector("#stages tr[data-stage]"))
			.stream()
			.map((tr) -> tr.getAttribute("data-stage"))).containsExactlyElementsOf(
					health.get("stages").valueStream().map((stage) -> stage.get("name").asString()).toList());
		assertThat(browser.findElement(By.id("health-status")).getText()).isIn("OK", "DEGRADED", "DOWN");

		By letter = By.xpath("//table[@id='dead-letter-list']//tr[td[contains(., '" + marker + "')]]");
		WebElement row = wait(browser).until(ExpectedConditions.presenceOfElementLocated(letter));
		String id = row.getAttribute("data-id");
		assertThat(row.findElement(By.cssSelector("td[data-field='redriven']")).getText()).isEqualTo("not yet");
		assertThat(row.findElement(By.cssSelector("td[data-field='key']")).getText())
			.as("the message's key, which names the agency")
			.isEqualTo("ops|garbage");
		// a 1280 px screen: the dead letters fit, and the key keeps room to be read (a
		// walkthrough's wrapped three letters a line, in a 44 px column)
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
		wait(browser)
			.until((b) -> (Boolean) ((JavascriptExecutor) b).executeScript("return window.innerWidth <= 1280"));
		Map<?, ?> fit = (Map<?, ?>) ((JavascriptExecutor) browser)
			.executeScript("var wrap = document.getElementById('dead-letter-list').parentElement;"
					+ "var key = document.querySelector('#dead-letter-list td[data-field=key]');"
					+ "return {over: wrap.scrollWidth - wrap.clientWidth, keyWidth: key.getBoundingClientRect().width};");
		assertThat(((Number) fit.get("over")).intValue()).as("the dead letters scroll sideways at 1280 px by")
			.isLessThanOrEqualTo(1);
		assertThat(((Number) fit.get("keyWidth")).doubleValue()).as("the key column's width in px")
			.isGreaterThanOrEqualTo(120);
		row.findElement(By.cssSelector("input[type=checkbox]")).click();
		browser.findElement(By.id("redrive")).click();
		wait(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-letter-status"), "Redriven: 1"));
		assertThat(id).startsWith("error.listings.scored.");
		// the list is read again every few seconds: the row then says when it was
		// redriven
		wait(browser).until((b) -> !b
			.findElement(By.cssSelector("#dead-letter-list tr[data-id='" + id + "'] td[data-field='redriven']"))
			.getText()
			.equals("not yet"));
		new Select(browser.findElement(By.id("window"))).selectByValue("90");
		screenshot(browser, "dashboard-operator.png");
		assertNoConsoleErrors(browser);
	}

	@Test
	void theDashboardPageForbidsInlineScriptAndWritesNeedTheSessionsTokenFromItsOwnOrigin() throws Exception {
		ChromeDriver browser = browser();
		browser.get(base() + "/");
		signIn(browser, "dev-demo-key");
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
		String cookie = "BIDSTREAM_SESSION=" + browser.manage().getCookieNamed("BIDSTREAM_SESSION").getValue();
		String token = browser.findElement(By.cssSelector("meta[name='csrf-token']")).getAttribute("content");
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(URI.create(base() + "/")).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline"));
		assertThat(page.body()).doesNotContain("dev-demo-key").doesNotContain("<script>");
		// The Queue's own reads of tracking may still be arriving; only the posted events
		// count.
		int before = pursuitEvents().size();
		String event = "{\"type\":\"CLAIM\",\"freelancerId\":\"fl-x\"}";
		assertThat(post(http, cookie, null, null, event).statusCode()).as("no token").isEqualTo(403);
		assertThat(post(http, cookie, "wrong", null, event).statusCode()).as("wrong token").isEqualTo(403);
		assertThat(post(http, cookie, token, "https://evil.example", event).statusCode()).as("another site")
			.isEqualTo(403);
		assertThat(post(http, null, token, null, event).statusCode()).as("no session").isEqualTo(401);
		// refused before the body is read: a body that is not JSON would answer 400
		assertThat(post(http, null, token, null, "{").statusCode()).as("no session, unread body").isEqualTo(401);
		assertThat(post(http, cookie, null, null, "{").statusCode()).as("no token, unread body").isEqualTo(403);
		assertThat(pursuitEvents()).hasSize(before);
		assertThat(http.send(
				HttpRequest.newBuilder(URI.create(base() + "/dashboard/api/agencies")).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.ofString())
			.statusCode()).as("a member is not shown the agencies").isEqualTo(403);
		HttpResponse<String> reached = post(http, cookie, token, base(), event);
		assertThat(reached.statusCode()).as("the page's own post reaches tracking").isEqualTo(404);
		assertThat(reached.body()).as("the problem names the dashboard's path, not tracking's")
			.contains("\"instance\":\"/dashboard/api/queue/upwork:~nobody/events\"")
			.doesNotContain("/api/v1/pursuits");
		assertThat(reached.headers().firstValue("Cache-Control")).as("agency data is kept by no cache")
			.contains("no-store");
		assertThat(reached.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(pursuitEvents()).hasSize(before + 1);
	}

	@Test
	void membersClaimFromTheQueueRecordAProposalAndSeeAnotherMembersHoldAsAConflict() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String pursue = "upwork:~q-" + tag + "-1";
		String review = "upwork:~q-" + tag + "-2";
		String acmeOnly = "upwork:~q-" + tag + "-acme";
		stub.listing("demo", pursue, 88, "PURSUE", "fl-ana", "fl-bo");
		stub.listing("demo", review, 61, "REVIEW", "fl-bo");
		stub.listing("acme", acmeOnly, 90, "PURSUE", "fl-cy");
		String staffless = "upwork:~q-" + tag + "-3";
		stub.listing("demo", staffless, 55, "REVIEW");
		String held = "upwork:~q-" + tag + "-4";
		stub.listing("demo", held, 52, "REVIEW", "fl-bo");
		stub.heldBy("demo", held, "fl-cy");
		stub.titled("demo", pursue, "Kafka <i>pipeline</i> for a fintech", "https://www.upwork.com/jobs/~q" + tag);
		stub.titled("demo", review, "A scripted link", "javascript:alert(document.domain)");
		// titles of every length over a line, so that some key falls at a line's end
		for (int words = 1; words <= 12; words++) {
			String longer = "upwork:~q-" + tag + "-long-" + words;
			stub.listing("demo", longer, 51, "REVIEW");
			stub.titled("demo", longer, "Build " + "data pipeline ".repeat(words).strip(),
					"https://www.upwork.com/jobs/~l" + words);
		}

		ChromeDriver ana = browser();
		ana.get(base() + "/");
		signIn(ana, "dev-demo-key");
		WebElement card = wait(ana).until(ExpectedConditions.presenceOfElementLocated(card(pursue)));
		assertThat(ana.findElements(By.cssSelector("#queue-review li.listing"))
			.stream()
			.map((li) -> li.getAttribute("data-job"))).contains(review);
		assertThat(ana.findElements(card(acmeOnly))).as("another agency's rows").isEmpty();
		assertThat(card.findElement(By.cssSelector("[data-field='score']")).getText()).isEqualTo("88");
		assertThat(card.findElement(By.cssSelector("[data-field='stage']")).getText()).isEqualTo("QUEUED");
		WebElement title = card.findElement(By.cssSelector("[data-field='title']"));
		assertThat(title.getText()).as("the title, as text").isEqualTo("Kafka <i>pipeline</i> for a fintech");
		assertThat(title.getAttribute("href")).isEqualTo("https://www.upwork.com/jobs/~q" + tag);
		assertThat(title.getCssValue("unicode-bidi")).as("a direction override stays inside the title")
			.isEqualTo("isolate");
		assertThat(card.findElement(By.cssSelector("[data-field='jobKey']")).getText()).isEqualTo(pursue);
		wait(ana).until(ExpectedConditions.presenceOfElementLocated(card("upwork:~q-" + tag + "-long-12")));
		assertThat(ana.executeScript("return Array.from(document.querySelectorAll(\"[data-field='jobKey']\"))"
				+ ".filter(function (e) { return e.textContent && e.getClientRects().length !== 1"
				+ " || e.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(e).fontSize); })"
				+ ".map(function (e) { return e.textContent; })"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.as("job keys broken across lines (upwork:~ / nd-0 in a walkthrough)")
			.isEmpty();
		WebElement scripted = ana.findElement(card(review)).findElement(By.cssSelector("[data-field='title']"));
		assertThat(scripted.getText()).isEqualTo("A scripted link");
		assertThat(scripted.getAttribute("href")).as("only a web address is a link").isNull();
		card.findElement(By.tagName("summary")).click();
		assertThat(card.findElement(By.cssSelector("[data-field='signals']")).getText())
			.contains("<b>fixed $4,000</b>");
		assertThat(card.findElements(By.cssSelector("[data-field='signals'] b"))).as("rendered as text").isEmpty();
		assertThat(card.findElement(By.cssSelector("[data-field='matches']")).getText()).contains("fl-ana", "fl-bo");
		assertThat(ana.findElement(card(staffless))
			.findElement(By.cssSelector("[data-field='matches']"))
			.getAttribute("textContent")).as("why nobody is matched, in scoring's words")
			.isEqualTo("fl-ana fits (proven: Kafka) but holds 1 open pursuit of a capacity of 1");
		assertThat(ana.findElement(card(held))
			.findElement(By.cssSelector("input[name='freelancerId']"))
			.getAttribute("value")).as("a held pursuit's freelancer field names who holds it, not the best match")
			.isEqualTo("fl-cy");
		assertThat(new Select(ana.findElement(card(held)).findElement(By.name("type"))).getFirstSelectedOption()
			.getAttribute("value")).as("a claimed pursuit's next step").isEqualTo("PROPOSAL_SENT");
		assertThat(new Select(card.findElement(By.name("type"))).getFirstSelectedOption().getAttribute("value"))
			.as("a queued one's")
			.isEqualTo("CLAIM");

		act(card, "CLAIM", Map.of("freelancerId", "fl-ana"));
		wait(ana).until(ExpectedConditions.textToBePresentInElement(card.findElement(By.className("outcome")),
				"Claimed. The pursuit is now CLAIMED, held by fl-ana."));
		assertThat(new Select(card.findElement(By.name("type"))).getFirstSelectedOption().getAttribute("value"))
			.as("once recorded, the next step is offered")
			.isEqualTo("PROPOSAL_SENT");
		act(card, "PROPOSAL_SENT", Map.of("freelancerId", "fl-ana", "connectsSpent", "16", "bidAmount", "3800"));
		wait(ana).until(ExpectedConditions.textToBePresentInElement(card.findElement(By.className("outcome")),
				"Proposal sent. The pursuit is now PROPOSED"));
		QueueStub.Call proposal = stub.calls("tracking")
			.stream()
			.filter((call) -> call.method().equals("POST") && call.body().contains("PROPOSAL_SENT"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(proposal.uri()).isEqualTo("/api/v1/pursuits/" + pursue + "/events");
		assertThat(proposal.key()).isEqualTo("dev-demo-key");
		assertThat(proposal.body()).contains("\"connectsSpent\":16", "\"bidAmount\":3800", "\"eventId\":");
		screenshot(ana, "dashboard-queue.png");

		ChromeDriver bo = browser();
		bo.get(base() + "/");
		signIn(bo, "dev-demo-key");
		WebElement sameCard = wait(bo).until(ExpectedConditions.presenceOfElementLocated(card(pursue)));
		act(sameCard, "CLAIM", Map.of("freelancerId", "fl-bo"));
		WebElement outcome = sameCard.findElement(By.className("outcome"));
		wait(bo).until(ExpectedConditions.textToBePresentInElement(outcome, "Someone else holds this listing."));
		assertThat(outcome.getText()).contains("Freelancer fl-ana holds this pursuit")
			.as("tracking's words end as a sentence of the page")
			.endsWith(".");

		ChromeDriver acme = browser();
		acme.get(base() + "/");
		signIn(acme, "dev-acme-key");
		wait(acme).until(ExpectedConditions.presenceOfElementLocated(card(acmeOnly)));
		assertThat(acme.findElements(card(pursue))).isEmpty();
		// every call naming demo's listings was made with demo's key (acme's name only
		// its own)
		assertThat(stub.calls)
			.filteredOn((call) -> List.of(pursue, review)
				.stream()
				.anyMatch((job) -> call.uri().contains(job) || call.body().contains(job)))
			.isNotEmpty()
			.allSatisfy((call) -> assertThat(call.key()).isEqualTo("dev-demo-key"));
		assertThat(stub.calls).filteredOn((call) -> "dev-acme-key".equals(call.key()))
			.allSatisfy((call) -> assertThat(call.uri()).doesNotContain("agency=demo"));
		assertNoConsoleErrors(ana);
		assertNoConsoleErrors(bo, "/events - Failed to load resource: the server responded with a status of 409");
	}

	@Test
	void endedPursuitsLeaveTheQueueAndALossNeedsAReasonPicked() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String open = "upwork:~e-" + tag + "-open";
		String hired = "upwork:~e-" + tag + "-hired";
		String lost = "upwork:~e-" + tag + "-lost";
		String toLose = "upwork:~e-" + tag + "-tolose";
		for (String job : List.of(open, hired, lost, toLose)) {
			stub.listing("demo", job, 80, "PURSUE", "fl-ana");
		}
		stub.pursuit("demo", hired, "HIRED", null);
		stub.pursuit("demo", lost, "PROPOSED", "LOST");

		ChromeDriver ana = browser();
		ana.get(base() + "/");
		signIn(ana, "dev-demo-key");
		wait(ana).until(ExpectedConditions.presenceOfElementLocated(card(open)));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> ana.findElements(card(hired)).isEmpty() && ana.findElements(card(lost)).isEmpty());
		assertThat(stub.calls("tracking")).as("the pursuits of exactly the ranked listings, whatever their age")
			.anySatisfy((call) -> {
				assertThat(call.method()).isEqualTo("POST");
				assertThat(call.uri()).isEqualTo("/api/v1/pursuits/lookup");
				assertThat(call.body()).contains(open, hired, lost, toLose);
			});

		WebElement card = ana.findElement(card(toLose));
		act(card, "LOST", Map.of());
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> stub.calls("tracking")
				.stream()
				.noneMatch((call) -> call.method().equals("POST") && call.uri().contains(toLose)));
		new Select(card.findElement(By.name("reason"))).selectByValue("TRUST");
		card.findElement(By.cssSelector("form.act button[type=submit]")).click();
		wait(ana).until((b) -> stub.calls("tracking")
			.stream()
			.anyMatch((call) -> call.method().equals("POST") && call.uri().contains(toLose)
					&& call.body().contains("\"reason\":\"TRUST\"")));
		wait(ana).until(ExpectedConditions.numberOfElementsToBe(card(toLose), 0));
		assertThat(ana.findElements(card(open))).hasSize(1);
		// every event type of the contract is on the card: an offer, and a withdrawal
		// with
		// its reason
		WebElement openCard = ana.findElement(card(open));
		act(openCard, "OFFER", Map.of());
		wait(ana).until(ExpectedConditions.textToBePresentInElement(openCard.findElement(By.className("outcome")),
				"Offer recorded."));
		new Select(openCard.findElement(By.name("type"))).selectByValue("WITHDRAWN");
		new Select(openCard.findElement(By.name("reason"))).selectByValue("TIMING");
		openCard.findElement(By.cssSelector("form.act button[type=submit]")).click();
		wait(ana).until((b) -> stub.calls("tracking")
			.stream()
			.anyMatch((call) -> call.method().equals("POST") && call.uri().contains(open)
					&& call.body().contains("\"type\":\"WITHDRAWN\"")
					&& call.body().contains("\"reason\":\"TIMING\"")));
	}

	@Test
	void aCardBeingFilledInKeepsItsFieldAndPlaceWhileARescoreMovesItAndTheNewOrderFollowsOnceItIsRecorded() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String first = "upwork:~o-" + tag + "-a";
		String second = "upwork:~o-" + tag + "-b";
		stub.listing("acme", first, 58, "REVIEW", "fl-cy");
		stub.listing("acme", second, 57, "REVIEW", "fl-cy");
		ChromeDriver cy = browser();
		cy.get(base() + "/");
		signIn(cy, "dev-acme-key");
		WebElement card = wait(cy).until(ExpectedConditions.presenceOfElementLocated(card(second)));
		assertThat(reviewOrder(cy, first, second)).containsExactly(first, second);
		new Select(card.findElement(By.name("type"))).selectByValue("PROPOSAL_SENT");
		WebElement bid = card.findElement(By.name("bidAmount"));
		bid.click();
		bid.sendKeys("12");

		// re-scored: ranked first, and now worth pursuing (its card moves to the other
		// list)
		stub.ranksFirst("acme", second);
		stub.decides("acme", second, "PURSUE");
		refreshQueue(cy);

		// redrawn: the page says the order is held, or (as it once did) the field lost
		// its
		// focus to the moved card
		wait(cy).until((b) -> !bid.equals(b.switchTo().activeElement()) || b.findElement(By.id("queue-status"))
			.getText()
			.contains("the order is held while you fill in a card"));
		assertThat(cy.switchTo().activeElement()).as("the field keeps the focus").isEqualTo(bid);
		bid.sendKeys("34");
		assertThat(bid.getAttribute("value")).isEqualTo("1234");
		assertThat(reviewOrder(cy, first, second)).as("the cards stay where they were").containsExactly(first, second);

		// a field left with a bad value and hidden by another event type is not checked:
		// the claim goes through
		WebElement connects = card.findElement(By.name("connectsSpent"));
		connects.sendKeys("-3");
		act(card, "CLAIM", Map.of("freelancerId", "fl-cy"));
		wait(cy).until((b) -> stub.calls("tracking")
			.stream()
			.anyMatch((call) -> call.method().equals("POST") && call.uri().contains(second)
					&& call.body().contains("\"type\":\"CLAIM\"")));

		// what the member did themselves shows at once: the refresh after the claim moves
		// the cards, the pointer on them or not
		wait(cy).until((b) -> reviewOrder(cy, first, second).equals(List.of(first))
				&& !b.findElements(By.cssSelector("#queue-pursue li.listing[data-job='" + second + "']")).isEmpty());

		// a refresh of others' changes does not slide a card from under the pointer: the
		// member reads the first card, and it is re-scored to the other list
		WebElement firstCard = cy.findElement(card(first));
		new Actions(cy).moveToElement(firstCard.findElement(By.cssSelector(".listing-head"))).perform();
		stub.decides("acme", first, "PURSUE");
		refreshQueue(cy);
		wait(cy).until((b) -> b.findElement(By.id("queue-status"))
			.getText()
			.contains("the order is held while the pointer is on the cards"));
		assertThat(reviewOrder(cy, first, second)).as("held under the pointer").containsExactly(first);

		// the member asks for it: the new order
		cy.findElement(By.id("queue-reorder")).click();
		wait(cy).until((b) -> reviewOrder(cy, first, second).isEmpty());
		assertThat(cy.findElement(By.id("queue-reorder")).isDisplayed()).as("nothing held now").isFalse();

		// with the pointer off the cards, a refresh moves them by itself
		new Actions(cy).moveToElement(cy.findElement(By.id("queue-status"))).perform();
		stub.decides("acme", second, "REVIEW");
		refreshQueue(cy);
		wait(cy).until((b) -> reviewOrder(cy, first, second).equals(List.of(second)));
	}

	@Test
	void theEventBeingFilledInStaysWhenATeammateMovesThePursuitOn() {
		String job = "upwork:~t-" + UUID.randomUUID().toString().substring(0, 8);
		stub.listing("acme", job, 70, "PURSUE", "fl-cy");
		stub.pursuit("acme", job, "CLAIMED", null);
		ChromeDriver cy = browser();
		cy.get(base() + "/");
		signIn(cy, "dev-acme-key");
		WebElement card = wait(cy).until(ExpectedConditions.presenceOfElementLocated(card(job)));
		Select type = new Select(card.findElement(By.name("type")));
		wait(cy).until((b) -> type.getFirstSelectedOption().getAttribute("value").equals("PROPOSAL_SENT"));
		// the event offered for a claimed pursuit, not picked: the member types a bid
		WebElement bid = card.findElement(By.name("bidAmount"));
		bid.click();
		bid.sendKeys("45");

		// a teammate records the proposal, and the page reads the new stage
		stub.pursuit("acme", job, "PROPOSED", null);
		refreshQueue(cy);
		wait(cy)
			.until((b) -> card.findElement(By.cssSelector("[data-field='stage']")).getText().startsWith("PROPOSED"));
		assertThat(type.getFirstSelectedOption().getAttribute("value")).as("the event being filled in")
			.isEqualTo("PROPOSAL_SENT");
		assertThat(bid.isDisplayed()).as("its field is still there").isTrue();
		assertThat(cy.switchTo().activeElement()).as("and keeps the focus").isEqualTo(bid);
		bid.sendKeys("0");
		assertThat(bid.getAttribute("value")).isEqualTo("450");
	}

	private static List<String> reviewOrder(WebDriver browser, String... jobKeys) {
		List<String> ours = List.of(jobKeys);
		return browser.findElements(By.cssSelector("#queue-review li.listing"))
			.stream()
			.map((node) -> node.getAttribute("data-job"))
			.filter(ours::contains)
			.toList();
	}

	/**
	 * Has the Queue read scoring and tracking again now, as its 10 s poll would.
	 */
	private static void refreshQueue(WebDriver browser) {
		((JavascriptExecutor) browser).executeScript("document.getElementById('queue-controls')"
				+ ".dispatchEvent(new Event('submit', {cancelable: true}));");
	}

	@Test
	void anOperatorPicksTheAgencyItActsForBeforeTheQueueShows() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String job = "upwork:~op-" + tag;
		stub.listing("acme", job, 75, "PURSUE", "fl-cy");
		// an agency reporting has counted is offered in the agency fields
		String counted = "pick-" + tag;
		new ReportingEvents(new TopicReader(this.kafkaBootstrapServers))
			.publish(score(counted, "upwork:~pick-" + tag, 1, "new", Instant.now(), null, Instant.now()));
		BidstreamApi operator = BidstreamApi.at(base(), "dev-operator-key");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> operator.get("/api/v1/reports/funnel?agency=" + counted).json().get("rows").size() == 1);

		ChromeDriver browser = browser();
		browser.get(base() + "/#queue");
		signIn(browser, "dev-operator-key");
		// the sign-in posts and redirects: navigating before the signed-in page is there
		// would cancel it and leave the browser at the sign-in form
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("meta[name='csrf-token']")));
		browser.get(base() + "/#queue");
		wait(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-status"), "Pick the agency"));
		wait(browser).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#agencies option[value='" + counted + "']")));
		assertThat(browser.findElement(By.id("queue-agency")).getAttribute("list")).isEqualTo("agencies");
		browser.findElement(By.id("queue-agency")).sendKeys("acme\n");
		WebElement card = wait(browser).until(ExpectedConditions.presenceOfElementLocated(card(job)));
		act(card, "CLAIM", Map.of("freelancerId", "fl-cy"));
		wait(browser)
			.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.className("outcome")), "Claimed."));
		assertThat(stub.calls("tracking"))
			.filteredOn((call) -> call.method().equals("POST") && call.uri().contains(tag))
			.singleElement()
			.satisfies((call) -> assertThat(call.actingAgency()).isEqualTo("acme"))
			.satisfies((call) -> assertThat(call.key()).isEqualTo("dev-operator-key"));
	}

	/**
	 * Asserts once the page has redrawn with the figures (it polls every few seconds).
	 */
	static void onThePage(Runnable assertion) {
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(assertion::run);
	}

	static By card(String jobKey) {
		return By.cssSelector("li.listing[data-job='" + jobKey + "']");
	}

	static void act(WebElement card, String type, Map<String, String> values) {
		new Select(card.findElement(By.name("type"))).selectByValue(type);
		values.forEach((name, value) -> {
			WebElement input = card.findElement(By.name(name));
			input.clear();
			input.sendKeys(value);
		});
		card.findElement(By.cssSelector("form.act button[type=submit]")).click();
	}

	private List<QueueStub.Call> pursuitEvents() {
		return stub.calls("tracking")
			.stream()
			.filter((call) -> call.method().equals("POST") && call.uri().endsWith("/events"))
			.toList();
	}

	HttpResponse<String> post(HttpClient http, String cookie, String token, String origin, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(base() + "/dashboard/api/queue/upwork:~nobody/events"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		if (token != null) {
			request.header("X-CSRF-Token", token);
		}
		if (origin != null) {
			request.header("Origin", origin);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	String base() {
		return "http://localhost:" + this.port;
	}

	ChromeDriver browser() {
		ChromeDriver browser = HeadlessChromium.open(this.profiles.resolve("profile-" + this.browsers.size()));
		this.browsers.add(browser);
		return browser;
	}

	static WebDriverWait wait(WebDriver browser) {
		return HeadlessChromium.waitOn(browser, Duration.ofSeconds(20));
	}

	static void signIn(WebDriver browser, String key) {
		browser.findElement(By.id("apiKey")).sendKeys(key);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	/**
	 * Picks a custom window's dates as a person would, then lets the page see the change.
	 */
	static void customWindow(WebDriver browser, String from, String to) {
		((JavascriptExecutor) browser).executeScript(
				"document.getElementById('from').value = arguments[0];"
						+ "document.getElementById('to').value = arguments[1];"
						+ "document.getElementById('to').dispatchEvent(new Event('change', {bubbles: true}));",
				from, to);
	}

	static String daysAgo(int days) {
		return java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(days).toString();
	}

	/**
	 * Every count of every row, as the API answered them.
	 */
	static void assertPageShows(WebDriver browser, JsonNode report) {
		List<String> groups = new ArrayList<>();
		for (JsonNode expected : report.get("rows")) {
			String group = expected.get("group").asString();
			groups.add(group);
			Map<String, String> shown = row(browser, group);
			for (String field : new String[] { "scored", "queued", "proposed", "viewed", "replied", "interviewed",
					"hired", "lost", "withdrawn" }) {
				assertThat(shown.get(field)).as(group + " " + field).isEqualTo(expected.get(field).asString());
			}
		}
		assertThat(browser.findElements(By.cssSelector("#funnel tbody tr[data-group]"))
			.stream()
			.map((tr) -> tr.getAttribute("data-group"))).containsExactlyElementsOf(groups);
	}

	static Map<String, String> row(WebDriver browser, String group) {
		Map<String, String> cells = new LinkedHashMap<>();
		browser.findElements(By.cssSelector("#funnel tr[data-group='" + group + "'] [data-field]"))
			.forEach((cell) -> cells.put(cell.getAttribute("data-field"), cell.getText()));
		return cells;
	}

	/**
	 * Nothing logged at warning or above, but the {@code expected} network lines
	 * (Chromium logs every answer of 4xx to a fetch, such as the conflict the page then
	 * explains).
	 */
	static void assertNoConsoleErrors(WebDriver browser, String... expected) {
		List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
		assertThat(entries).as("browser console")
			.filteredOn((entry) -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.filteredOn((entry) -> Arrays.stream(expected).noneMatch(entry.getMessage()::contains))
			.isEmpty();
	}

	static void screenshot(ChromeDriver browser, String name) throws IOException {
		Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
	}

}
