package com.bidstream.ingest.intake;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the tests of {@link IntakeLimitsFilter} share: the listings endpoint with a mocked
 * intake that can hold a post in flight ({@link #firstPostIsBeingIngested} opens when it
 * is held, {@link #finishIngesting} lets it go), and large posts. Each subclass sets the
 * limits it tests with {@code @TestPropertySource}.
 */
abstract class IntakeLimitsFixture {

	static final String SIX_MIB_OF_LISTINGS = "[{\"description\": \"" + "d".repeat(6 * 1024 * 1024) + "\"}]";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ListingIntake intake;

	final CountDownLatch firstPostIsBeingIngested = new CountDownLatch(1);

	final CountDownLatch finishIngesting = new CountDownLatch(1);

	@AfterEach
	void release() {
		this.finishIngesting.countDown();
	}

	int statusOf(MockHttpServletRequestBuilder request) {
		try {
			return this.mvc.perform(request).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static MockHttpServletRequestBuilder listings(String key, String body) {
		return post("/api/v1/listings").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
