package com.bidstream.ingest.feeds;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.bidstream.platform.PlatformClockAutoConfiguration;
import com.bidstream.platform.PlatformWebAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A feed's mapping is checked when the feed is made, as its other fields are: a mapping
 * that would do nothing at every poll is a 400 naming what is wrong in it.
 */
@WebMvcTest(FeedsController.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformClockAutoConfiguration.class })
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
class FeedsControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Feeds feeds;

	@MockitoBean
	AddressGuard guard;

	@Test
	void aMappingOfAFieldNoListingHasOrToAPathThatIsNoTextIsRefusedNamingEachTogetherWithTheOtherFields()
			throws Exception {
		createFeed("""
				{"type": "json-url", "source": "probe-j", "url": "http://127.0.0.1:9/x", "pollSeconds": "60",
				 "mapping": {"fields": {"bogusField": "x", "title": 5, "budget.amount": "price.value",
				             "source": "origin"}}}""").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("pollSeconds",
					"mapping.fields.bogusField", "mapping.fields.title", "mapping.fields.source")))
			.andExpect(jsonPath("$.errors[?(@.field == 'mapping.fields.source')].message")
				.value("cannot be mapped: every item of the feed carries the feed's source"))
			.andExpect(jsonPath("$.errors[?(@.field == 'mapping.fields.bogusField')].message")
				.value("is not a listing field (such as title, budget.amount or client.country)"))
			.andExpect(jsonPath("$.errors[?(@.field == 'mapping.fields.title')].message").value("must be a string"));
		verify(this.feeds, never()).create(any(), anyInt());
	}

	@Test
	void itemsThatAreNoTextFieldsThatAreNoObjectOrAPartNoMappingHasAreRefusedNamingIt() throws Exception {
		expectOnlyError("{\"items\": 123}", "mapping.items", "must be a string");
		expectOnlyError("{\"items\": [\"data\"]}", "mapping.items", "must be a string");
		expectOnlyError("{\"fields\": [\"title\"]}", "mapping.fields",
				"must be an object mapping listing fields to item paths, such as {\"title\": \"name\"}");
		expectOnlyError("{\"fields\": {\"client\": {\"country\": \"c\"}}}", "mapping.fields.client",
				"must be a string");
		expectOnlyError("{\"fields\": {\"budget.amount.value\": \"p\"}}", "mapping.fields.budget.amount.value",
				"is not a listing field (such as title, budget.amount or client.country)");
		expectOnlyError("{\"item\": \"data.jobs\"}", "mapping.item",
				"is not part of a mapping: it holds items and fields");
		expectOnlyError("\"data.jobs\"", "mapping", "must be an object such as " + FeedMapping.EXAMPLE);
		verify(this.feeds, never()).create(any(), anyInt());
	}

	@Test
	void everyMappingJsonListingsAppliesIsTaken() throws Exception {
		given(this.feeds.create(any(), anyInt())).willReturn(true);
		for (String mapping : new String[] { "{}", "{\"items\": \"data.jobs\"}", "{\"items\": \"\", \"fields\": {}}",
				"{\"items\": null, \"fields\": null}", "{\"fields\": {\"title\": null}}",
				"{\"items\": \"data.jobs\", \"fields\": {\"externalId\": \"id\", \"title\": \"name\", "
						+ "\"budget.amount\": \"price.value\"}}",
				"{\"fields\": {\"budget\": \"price\", \"client.country\": \"buyer.location.country\", "
						+ "\"skills\": \"tags\", \"closed.at\": \"ended\", \"postedAt\": \"created\"}}" }) {
			createFeed("{\"type\": \"webhook\", \"source\": \"scanner\", \"mapping\": " + mapping + "}")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.id").exists());
		}
		verify(this.feeds).create(argThat((feed) -> feed.mapping().toString().contains("buyer.location.country")),
				eq(100));
	}

	@Test
	void theListingFieldsAMappingMayNameAreTheContractsWithTheirNestedFields() {
		assertThat(com.bidstream.ingest.listing.ListingPaths.ALL).containsExactlyInAnyOrder("source", "externalId",
				"url", "title", "description", "postedAt", "category", "skills", "budget", "budget.type",
				"budget.amount", "budget.min", "budget.max", "budget.currency", "experienceLevel", "duration",
				"workload", "proposals", "connectsRequired", "client", "client.paymentVerified", "client.country",
				"client.totalSpent", "client.totalHires", "client.totalPostedJobs", "client.rating", "client.reviews",
				"client.memberSince", "client.companySize", "closed", "closed.result", "closed.at");
	}

	private void expectOnlyError(String mapping, String field, String message) throws Exception {
		createFeed("{\"type\": \"webhook\", \"source\": \"scanner\", \"mapping\": " + mapping + "}")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
	}

	private ResultActions createFeed(String body) throws Exception {
		return this.mvc.perform(post("/api/v1/feeds").header("X-Api-Key", "dev-demo-key")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
