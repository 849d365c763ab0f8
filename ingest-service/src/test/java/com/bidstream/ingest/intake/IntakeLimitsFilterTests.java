package com.bidstream.ingest.intake;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import com.bidstream.platform.PlatformClockAutoConfiguration;
import com.bidstream.platform.PlatformWebAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ListingsController.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformClockAutoConfiguration.class })
@TestPropertySource(properties = { "bidstream.security.dev-keys=true", "bidstream.ingest.max-bytes-in-flight=10MB" })
class IntakeLimitsFilterTests extends IntakeLimitsFixture {

	@Test
	void aPostThatDoesNotFitBesideThoseInFlightIsRefusedWith503AndRetryAfterThenAcceptedOnceTheyAreDone()
			throws Exception {
		given(this.intake.submit(eq("demo"), anyList())).willAnswer((invocation) -> {
			this.firstPostIsBeingIngested.countDown();
			this.finishIngesting.await(10, TimeUnit.SECONDS);
			return new IntakeReport(1, 0, List.of());
		});
		CompletableFuture<Integer> first = CompletableFuture
			.supplyAsync(() -> statusOf(listings("dev-demo-key", SIX_MIB_OF_LISTINGS)));
		assertThat(this.firstPostIsBeingIngested.await(10, TimeUnit.SECONDS)).isTrue();

		this.mvc.perform(listings("dev-demo-key", SIX_MIB_OF_LISTINGS))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://bidstream.dev/problems/busy"))
			.andExpect(jsonPath("$.detail").exists());
		this.finishIngesting.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(202);
		this.mvc.perform(listings("dev-demo-key", SIX_MIB_OF_LISTINGS)).andExpect(status().isAccepted());
	}

	@Test
	void smallPostsFitBesideAPostInFlight() throws Exception {
		given(this.intake.submit(eq("demo"), anyList())).willAnswer((invocation) -> {
			this.firstPostIsBeingIngested.countDown();
			if (((ListingCandidate) invocation.getArgument(1, List.class).get(0)).fields().toString().length() > 1024) {
				this.finishIngesting.await(10, TimeUnit.SECONDS);
			}
			return new IntakeReport(1, 0, List.of());
		});
		CompletableFuture<Integer> first = CompletableFuture
			.supplyAsync(() -> statusOf(listings("dev-demo-key", SIX_MIB_OF_LISTINGS)));
		assertThat(this.firstPostIsBeingIngested.await(10, TimeUnit.SECONDS)).isTrue();

		this.mvc.perform(listings("dev-demo-key", "[{\"source\": \"upwork\"}]")).andExpect(status().isAccepted());
		this.finishIngesting.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(202);
	}

}
