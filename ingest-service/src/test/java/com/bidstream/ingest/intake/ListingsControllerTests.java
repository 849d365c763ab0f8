package com.bidstream.ingest.intake;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.bidstream.ingest.intake.IntakeReport.Rejection;
import com.bidstream.ingest.listing.Violation;
import com.bidstream.platform.PlatformClockAutoConfiguration;
import com.bidstream.platform.PlatformWebAutoConfiguration;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ListingsController.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformClockAutoConfiguration.class })
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
class ListingsControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ListingIntake intake;

	@Test
	void aPostWithoutAKeyIsUnauthorized() throws Exception {
		this.mvc.perform(post("/api/v1/listings").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verifyNoInteractions(this.intake);
	}

	@Test
	void malformedJsonOrATopLevelThatIsNoListingIsABadRequest() throws Exception {
		for (String body : new String[] { "{\"source\": ", "42", "\"x\"", "" }) {
			this.mvc.perform(listings(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").exists())
				.andExpect(jsonPath("$.title").exists())
				.andExpect(jsonPath("$.detail").exists());
		}
		verifyNoInteractions(this.intake);
	}

	@Test
	void aBodyBeyondTheJsonReadersLimitsIsABadRequestThatSaysWhy() throws Exception {
		this.mvc.perform(listings("[{\"proposals\": " + "1".repeat(1_001) + "}]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://bidstream.dev/problems/malformed-body"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("more than 1000 digits")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Stream"))));
		verifyNoInteractions(this.intake);
	}

	@Test
	void moreThan1000ItemsOrMoreThan10MibAreTooLarge() throws Exception {
		this.mvc.perform(listings("[" + "{},".repeat(1_000) + "{}]"))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://bidstream.dev/problems/payload-too-large"));
		String huge = "[{\"description\": \"" + "d".repeat(10 * 1024 * 1024) + "\"}]";
		this.mvc.perform(listings(huge)).andExpect(status().isContentTooLarge());
		verifyNoInteractions(this.intake);
	}

	@Test
	void anOperatorWritesOnlyForTheAgencyItNames() throws Exception {
		this.mvc
			.perform(post("/api/v1/listings").header("X-Api-Key", "dev-operator-key")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://bidstream.dev/problems/missing-agency"));
		verifyNoInteractions(this.intake);
	}

	@Test
	void acceptedItemsAnswer202WithCountsAndRejections() throws Exception {
		given(this.intake.submit(eq("demo"), anyList())).willReturn(new IntakeReport(2, 1,
				List.of(new Rejection(3, List.of(new Violation("budget.amount", "must be a number"))))));

		this.mvc.perform(listings("[{}, {}, {}, {\"budget\": {\"amount\": \"x\"}}]"))
			.andExpect(status().isAccepted())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.duplicates").value(1))
			.andExpect(jsonPath("$.rejected[0].index").value(3))
			.andExpect(jsonPath("$.rejected[0].errors[0].field").value("budget.amount"))
			.andExpect(jsonPath("$.rejected[0].errors[0].message").value("must be a number"));
		verify(this.intake).submit(eq("demo"), argThat((items) -> items.size() == 4));
	}

	@Test
	void aSingleObjectIsOneItem() throws Exception {
		given(this.intake.submit(eq("acme"), anyList())).willReturn(new IntakeReport(1, 0, List.of()));

		this.mvc.perform(listings("dev-acme-key", "{\"source\": \"upwork\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").isEmpty());
		verify(this.intake).submit(eq("acme"), argThat(
				(items) -> items.size() == 1 && items.get(0).fields().isObject() && items.get(0).position() == 0));
	}

	@Test
	void aBodyIsReadAsJsonWhateverItsDeclaredTypeAndACharsetTheServiceDoesNotKnowAnswers415() throws Exception {
		given(this.intake.submit(eq("demo"), anyList())).willReturn(new IntakeReport(1, 0, List.of()));
		String listing = "{\"source\": \"upwork\"}";
		// as the contract shows it, and as clients send it without the header (curl -d
		// sends a form type)
		this.mvc.perform(post("/api/v1/listings").header("X-Api-Key", "dev-demo-key").content(listing))
			.andExpect(status().isAccepted());
		this.mvc
			.perform(post("/api/v1/listings").header("X-Api-Key", "dev-demo-key")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.content(listing))
			.andExpect(status().isAccepted());
		this.mvc
			.perform(post("/api/v1/listings").header("X-Api-Key", "dev-demo-key")
				.header("Content-Type", "application/json; charset=klingon")
				.content(listing))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.startsWith("The charset in Content-Type is not one this service knows")));
	}

	@Test
	void theDeclaredCharsetIsHonouredAndABodyNotInItIsABadRequest() throws Exception {
		given(this.intake.submit(eq("demo"), anyList())).willReturn(new IntakeReport(1, 0, List.of()));
		byte[] latin1 = "{\"title\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

		this.mvc
			.perform(post("/api/v1/listings").header("X-Api-Key", "dev-demo-key")
				.header("Content-Type", "application/json; charset=ISO-8859-1")
				.content(latin1))
			.andExpect(status().isAccepted());
		verify(this.intake).submit(eq("demo"), argThat(
				(items) -> items.size() == 1 && "caf\u00e9".equals(items.get(0).fields().get("title").stringValue())));

		this.mvc
			.perform(post("/api/v1/listings").header("X-Api-Key", "dev-demo-key")
				.header("Content-Type", "application/json; charset=US-ASCII")
				.content(latin1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://bidstream.dev/problems/malformed-body"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The body is not valid US-ASCII")));
		this.mvc
			.perform(post("/api/v1/listings").header("X-Api-Key", "dev-demo-key")
				.header("Content-Type", "application/json")
				.content(latin1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://bidstream.dev/problems/malformed-body"))
			.andExpect(jsonPath("$.detail")
				.value("The body is not valid UTF-8 (declare another charset in " + "Content-Type if it is in one)"));
		this.mvc
			.perform(post("/api/v1/listings").header("X-Api-Key", "dev-demo-key")
				.header("Content-Type", "application/json")
				.content("{\"title\": \"caf\u00e9\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body is not readable JSON"));
	}

	private static MockHttpServletRequestBuilder listings(String body) {
		return listings("dev-demo-key", body);
	}

	private static MockHttpServletRequestBuilder listings(String key, String body) {
		return post("/api/v1/listings").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
