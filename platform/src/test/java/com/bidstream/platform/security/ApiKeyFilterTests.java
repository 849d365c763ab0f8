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

	private int status(String path, String key) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		if (key != null) {
			request.addHeader(ApiKeyFilter.HEADER, key);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

}
