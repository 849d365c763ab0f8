package com.bidstream.reporting.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.reporting.ReportingEvents;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.ServiceIntegrationTest;
import com.bidstream.testsupport.TopicReader;

import static com.bidstream.reporting.ReportingEvents.pursuit;
import static com.bidstream.reporting.ReportingEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real (headless) Chromium: sign in with a key, read the funnel of
 * events published on the topics. Leaves a screenshot in {@code target/dashboard.png}.
 */
@ServiceIntegrationTest(database = "reporting")
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	WebDriver browser;

	@BeforeEach
	void startBrowser(@TempDir Path profile) {
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--window-size=1440,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aPersonSignsInWithTheirKeyAndReadsTheFunnelOfTheirAgency() throws IOException {
		String jobs = "upwork:~browser-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		Instant firstIngested = Instant.now().minus(Duration.ofHours(2));
		ReportingEvents events = new ReportingEvents(new TopicReader(this.kafkaBootstrapServers));
		events.publish(score("demo", jobs + "1", 1, "enterprise", firstIngested, null, firstIngested));
		events.publish(score("demo", jobs + "2", 1, "enterprise", firstIngested, null, firstIngested));
		events.publish(score("demo", jobs + "3", 1, "established", firstIngested, null, firstIngested));
		events.publish(pursuit("demo", jobs + "1", Action.QUEUE, Stage.QUEUED, firstIngested));
		events.publish(
				pursuit("demo", jobs + "1", Action.PROPOSAL_SENT, Stage.PROPOSED, firstIngested, "fl-ana", 16, null));
		events.publish(pursuit("demo", jobs + "1", Action.REPLIED, Stage.REPLIED, Instant.now()));
		events.publish(pursuit("demo", jobs + "2", Action.QUEUE, Stage.QUEUED, firstIngested));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> BidstreamApi.at(base(), "dev-demo-key")
				.get("/api/v1/reports/funnel")
				.body()
				.contains("\"replied\":1"));

		this.browser.get(base() + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		signIn("not-a-real-key");
		// the form posts and the page reloads: wait for it rather than read the old page
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText())
			.contains("not valid");

		signIn("dev-demo-key");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-group='enterprise']")));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(base() + "/").doesNotContain("dev-demo-key");
		assertThat(this.browser.findElement(By.id("who")).getText()).isEqualTo("agency demo");
		assertThat(row("enterprise")).containsAllEntriesOf(Map.of("scored", "2", "queued", "2", "proposed", "1",
				"viewed", "1", "replied", "1", "hired", "0", "replyRate", "100.0%"));
		assertThat(row("enterprise").get("diagnosis")).contains("Too little data");
		assertThat(row("established")).containsEntry("scored", "1").containsEntry("replyRate", "–");
		assertThat(this.browser.manage().getCookieNamed("BIDSTREAM_SESSION").isHttpOnly()).isTrue();
		assertThat(this.browser.findElement(By.id("csv")).getAttribute("href")).contains("/api/v1/reports/funnel.csv");
		Path screenshot = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(screenshot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);

		new Select(this.browser.findElement(By.id("groupBy"))).selectByValue("freelancer");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-group='fl-ana']")));
		assertThat(row("fl-ana")).containsEntry("proposed", "1");
	}

	String base() {
		return "http://localhost:" + this.port;
	}

	void signIn(String key) {
		this.browser.findElement(By.id("apiKey")).sendKeys(key);
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	Map<String, String> row(String group) {
		Map<String, String> cells = new LinkedHashMap<>();
		this.browser.findElements(By.cssSelector("tr[data-group='" + group + "'] td[data-field]"))
			.forEach((cell) -> cells.put(cell.getAttribute("data-field"), cell.getText()));
		return cells;
	}

}
