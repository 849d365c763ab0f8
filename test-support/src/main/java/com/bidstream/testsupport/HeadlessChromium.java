package com.bidstream.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real browser of the dashboard's tests: Debian's {@code chromium} and
 * {@code chromium-driver}, headless, quiet (no background networking, updates or sync),
 * with the console's messages kept for the tests to read.
 */
public final class HeadlessChromium {

	private HeadlessChromium() {
	}

	/**
	 * A new browser with a profile of its own in {@code profile}; the caller quits it.
	 */
	public static ChromeDriver open(Path profile) {
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--window-size=1440,1000", "--user-data-dir=" + profile);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * A wait of {@code patience} that reads an element again when the page has redrawn it
	 * (the dashboard redraws its tables as answers arrive).
	 */
	public static WebDriverWait waitOn(WebDriver browser, Duration patience) {
		WebDriverWait wait = new WebDriverWait(browser, patience);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

}
