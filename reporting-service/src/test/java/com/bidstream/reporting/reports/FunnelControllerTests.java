package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.bidstream.platform.PlatformClockAutoConfiguration;
import com.bidstream.platform.PlatformWebAutoConfiguration;
import com.bidstream.reporting.funnel.GroupBy;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(FunnelController.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformClockAutoConfiguration.class })
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
class FunnelControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FunnelService funnels;

	@Test
	void answers401WithoutAKey() throws Exception {
		this.mvc.perform(get("/api/v1/reports/funnel"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(get("/api/v1/reports/funnel.csv").header("X-Api-Key", "not-a-key"))
			.andExpect(status().isUnauthorized());
		verifyNoInteractions(this.funnels);
	}

	@Test
	void answers400NamingGroupByForAnUnknownGrouping() throws Exception {
		this.mvc.perform(get("/api/v1/reports/funnel?groupBy=colour").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("groupBy"));
	}

	@Test
	void answers400NamingTheParameterForAnUnreadablePeriodOrFlag() throws Exception {
		this.mvc.perform(get("/api/v1/reports/funnel?from=yesterday").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		this.mvc.perform(get("/api/v1/reports/funnel?excludeNoHire=maybe").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("excludeNoHire"));
		verifyNoInteractions(this.funnels);
	}

	@Test
	void answers400NamingTheParameterForADateOutsideTheYears1970To9999() throws Exception {
		this.mvc
			.perform(get("/api/v1/reports/funnel?to=-999999999-01-01T00:00:00Z").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		this.mvc.perform(get("/api/v1/reports/funnel.csv?from=1969-12-31").header("X-Api-Key", "dev-demo-key"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		verifyNoInteractions(this.funnels);
	}

	@Test
	void anOperatorsReportsAreNarrowedByTheAgencyParameterOnJsonAndCsv() throws Exception {
		given(this.funnels.funnel(any(), any(), any(), anyBoolean())).willReturn(new FunnelReport("segment",
				Instant.now(), Instant.now(), BigDecimal.ONE, List.of(), Channels.of(List.of())));

		this.mvc.perform(get("/api/v1/reports/funnel?agency=acme").header("X-Api-Key", "dev-operator-key"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/reports/funnel.csv?agency=acme").header("X-Api-Key", "dev-operator-key"))
			.andExpect(status().isOk());

		verify(this.funnels, times(2)).funnel(eq(Optional.of("acme")), eq(GroupBy.SEGMENT), any(), eq(false));
	}

	@Test
	void aMemberReadsItsOwnAgencyWhateverAgencyItAsksFor() throws Exception {
		given(this.funnels.funnel(any(), any(), any(), anyBoolean()))
			.willReturn(new FunnelReport("budgetBand", Instant.parse("2026-11-01T00:00:00Z"), Instant.now(),
					BigDecimal.ONE, List.of(), Channels.of(List.of())));

		this.mvc
			.perform(get("/api/v1/reports/funnel?groupBy=budgetBand&agency=acme&excludeNoHire=true").header("X-Api-Key",
					"dev-demo-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.groupBy").value("budgetBand"))
			.andExpect(jsonPath("$.from").value("2026-11-01T00:00:00Z"));

		verify(this.funnels).funnel(eq(Optional.of("demo")), eq(GroupBy.BUDGET_BAND), any(), eq(true));
	}

	@Test
	void exportsCsvWithTheHeaderRow() throws Exception {
		given(this.funnels.funnel(any(), any(), any(), anyBoolean())).willReturn(new FunnelReport("segment",
				Instant.now(), Instant.now(), BigDecimal.ONE, List.of(), Channels.of(List.of())));

		this.mvc.perform(get("/api/v1/reports/funnel.csv").header("X-Api-Key", "dev-operator-key"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(FunnelCsv.HEADER + "\r\n"));

		verify(this.funnels).funnel(eq(Optional.empty()), eq(GroupBy.SEGMENT), any(), eq(false));
	}

}
