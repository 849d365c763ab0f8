package com.bidstream.platform.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.bidstream.platform.web.ProblemWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFilterTests {

	private final ApiKeyFilter filter = new ApiKeyFilter(new ApiKeys(new ApiKeyProperties(true, List.of(), null)),
			new ProblemWriter(), List.of("/api/v1/webhooks/"));

	@Test
	void aPublicPathPassesWithoutAKeyAndEveryOtherPathStillNeedsOne() throws Exception {
		assertThat(status("/api/v1/webhooks/f-1", null)).isEqualTo(200);
		assertThat(status("/api/v1/listings", null)).isEqualTo(401);
		assertThat(status("/api/v1/webhooksx", null)).as("a prefix of the path, not of a name").isEqualTo(401);
		assertThat(status("/api/v1/listings", "dev-demo-key")).isEqualTo(200);
	}

	/**
	 * Two keys (demo's and acme's) acted as the first one; which one a client meant is a
	 * guess, so neither is taken.
	 */
	@Test
	void twoKeysOrTwoAgenciesAreRefused() throws Exception {
		assertThat(status("/api/v1/listings", "dev-demo-key", "dev-acme-key")).isEqualTo(401);
		assertThat(status("/api/v1/listings", "dev-demo-key", "dev-demo-key")).isEqualTo(401);
		MockHttpServletRequest twoAgencies = new MockHttpServletRequest("POST", "/api/v1/listings");
		twoAgencies.addHeader(ApiKeyFilter.HEADER, "dev-operator-key");
		twoAgencies.addHeader(ApiKeyFilter.AGENCY_HEADER, "demo");
		twoAgencies.addHeader(ApiKeyFilter.AGENCY_HEADER, "acme");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(twoAgencies, response, chain);

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(chain.getRequest()).as("never passed on").isNull();
	}

	@Test
	void aMemberKeyNamingAnotherAgencyIsRefusedAndItsOwnPasses() throws Exception {
		// the write went to the member's own agency without a word, even for "Bad!"
		assertThat(withAgency("dev-demo-key", "acme").getStatus()).isEqualTo(403);
		assertThat(withAgency("dev-demo-key", "acme").getContentAsString())
			.contains("This key is of agency demo and acts for it only; X-Agency-Id names acme");
		assertThat(withAgency("dev-demo-key", "Bad!").getStatus()).isEqualTo(400);
		assertThat(withAgency("dev-demo-key", "demo").getStatus()).isEqualTo(200);
		assertThat(withAgency("dev-operator-key", "acme").getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse withAgency(String key, String agency) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/listings");
		request.addHeader(ApiKeyFilter.HEADER, key);
		request.addHeader(ApiKeyFilter.AGENCY_HEADER, agency);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	private int status(String path, String... keys) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		for (String key : (keys != null) ? keys : new String[0]) {
			if (key != null) {
				request.addHeader(ApiKeyFilter.HEADER, key);
			}
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

}
