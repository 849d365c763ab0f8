package com.bidstream.reporting.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.bidstream.platform.security.Caller;

/**
 * The dashboard's two HTML pages, read once from {@code classpath:dashboard/} and filled
 * in with escaped values.
 */
@Component
class DashboardPages {

	private final String login;

	private final String funnel;

	DashboardPages() {
		this.login = read("dashboard/login.html");
		this.funnel = read("dashboard/index.html");
	}

	String login(String error) {
		String message = (error != null) ? "<p class=\"error\" id=\"error\">" + HtmlUtils.htmlEscape(error) + "</p>"
				: "";
		return this.login.replace("{{error}}", message);
	}

	String funnel(Caller caller, String csrfToken) {
		String who = caller.isOperator() ? "an operator (all agencies)" : "agency " + caller.agencyId();
		return this.funnel.replace("{{who}}", HtmlUtils.htmlEscape(who))
			.replace("{{role}}", HtmlUtils.htmlEscape(caller.role().name()))
			.replace("{{agency}}", HtmlUtils.htmlEscape(caller.isOperator() ? "" : caller.agencyId()))
			.replace("{{csrf}}", HtmlUtils.htmlEscape(csrfToken));
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Dashboard page " + path + " is missing", ex);
		}
	}

}
