package com.bidstream.reporting.dashboard;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.bidstream.platform.PlatformClockAutoConfiguration;
import com.bidstream.platform.PlatformWebAutoConfiguration;
import com.bidstream.platform.security.ApiKeyFilter;
import com.bidstream.platform.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(DashboardController.class)
@Import(DashboardPages.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformClockAutoConfiguration.class })
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
class DashboardControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void showsTheSignInFormToSomeoneNotSignedIn() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"apiKey\"")))
			.andExpect(content().string(not(containsString("id=\"funnel\""))));
	}

	@Test
	void aValidKeySignsInToASessionHoldingOnlyTheCaller() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("apiKey", "dev-demo-key"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);

		assertThat(session.getAttribute(ApiKeyFilter.SESSION_CALLER)).isEqualTo(Caller.member("demo"));
		this.mvc.perform(get("/").session(session))
			.andExpect(content().string(containsString("agency demo")))
			.andExpect(content().string(containsString("id=\"funnel\"")))
			.andExpect(content().string(not(containsString("dev-demo-key"))));
	}

	@Test
	void aWrongKeyShowsTheFormAgainWithAnError() throws Exception {
		this.mvc
			.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("apiKey", "<script>nope</script>"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(containsString("not valid")))
			.andExpect(content().string(not(containsString("<script>nope"))));
	}

	@Test
	void refusesAKeySentInTheUrlWithOrWithoutAKeyInTheForm() throws Exception {
		for (String[] request : new String[][] { { "/login?apiKey=dev-demo-key", "" },
				{ "/login?apiKey=dev-demo-key", "apiKey=dev-acme-key" },
				{ "/login?lang=en&api%4Bey=dev-demo-key", "apiKey=dev-acme-key" } }) {
			String url = request[0];
			MvcResult result = this.mvc
				.perform(post(URI.create(url)).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(request[1]))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("never in the address")))
				.andExpect(content().string(not(containsString("dev-demo-key"))))
				.andReturn();

			assertThat(result.getRequest().getSession(false)).as(url).isNull();
		}
	}

	@Test
	void readsTheKeyFromTheFormBody() throws Exception {
		this.mvc
			.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("apiKey=dev-acme-key"))
			.andExpect(status().isSeeOther());
	}

	@Test
	void refusesASignInPostedFromAnotherSite() throws Exception {
		this.mvc
			.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("apiKey", "dev-demo-key")
				.header("Origin", "https://evil.example"))
			.andExpect(status().isForbidden());
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(ApiKeyFilter.SESSION_CALLER, Caller.operator(null));

		this.mvc.perform(post("/logout").session(session)).andExpect(status().isSeeOther());

		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void refusesASignOutPostedFromAnotherSiteAndKeepsTheSession() throws Exception {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(ApiKeyFilter.SESSION_CALLER, Caller.operator(null));

		this.mvc.perform(post("/logout").session(session).header("Origin", "https://evil.example"))
			.andExpect(status().isForbidden());

		assertThat(session.isInvalid()).as("a forged sign-out changes nothing").isFalse();
	}

}
