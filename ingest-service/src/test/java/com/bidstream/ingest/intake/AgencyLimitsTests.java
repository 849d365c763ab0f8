package com.bidstream.ingest.intake;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.bidstream.platform.PlatformClockAutoConfiguration;
import com.bidstream.platform.PlatformWebAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ListingsController.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformClockAutoConfiguration.class })
@TestPropertySource(properties = { "bidstream.security.dev-keys=true", "bidstream.ingest.max-bytes-in-flight=64MB",
		"bidstream.ingest.limits.agency-bytes-in-flight=10MB", "bidstream.ingest.limits.requests-per-second=0.01",
		"bidstream.ingest.limits.burst=3" })
class AgencyLimitsTests extends IntakeLimitsFixture {

	@Test
	void anAgencyOverItsRequestRateIsAnswered429WithRetryAfterWhileAnotherGoesOn() throws Exception {
		given(this.intake.submit(anyString(), anyList())).willReturn(new IntakeReport(1, 0, List.of()));
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(operatorFor("busy-agency")).andExpect(status().isAccepted());
		}

		this.mvc.perform(operatorFor("busy-agency"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://bidstream.dev/problems/rate-limited"));
		this.mvc.perform(operatorFor("quiet-agency")).andExpect(status().isAccepted());
	}

	private static MockHttpServletRequestBuilder operatorFor(String agency) {
		return listings("dev-operator-key", "{}").header("X-Agency-Id", agency);
	}

	@Test
	void anAgencyWithAsManyBytesInFlightAsItMayIsAnswered429WhileAnotherFits() throws Exception {
		given(this.intake.submit(anyString(), anyList())).willAnswer((invocation) -> {
			if ("demo".equals(invocation.getArgument(0))) {
				this.firstPostIsBeingIngested.countDown();
				this.finishIngesting.await(10, TimeUnit.SECONDS);
			}
			return new IntakeReport(1, 0, List.of());
		});
		CompletableFuture<Integer> first = CompletableFuture
			.supplyAsync(() -> statusOf(listings("dev-demo-key", SIX_MIB_OF_LISTINGS)));
		assertThat(this.firstPostIsBeingIngested.await(10, TimeUnit.SECONDS)).isTrue();

		this.mvc.perform(listings("dev-demo-key", SIX_MIB_OF_LISTINGS))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"));
		this.mvc.perform(listings("dev-acme-key", SIX_MIB_OF_LISTINGS)).andExpect(status().isAccepted());
		this.finishIngesting.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(202);
	}

}
