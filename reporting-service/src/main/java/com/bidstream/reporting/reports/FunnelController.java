package com.bidstream.reporting.reports;

import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.reporting.csv.Csv;
import com.bidstream.reporting.funnel.GroupBy;

/**
 * {@code GET /api/v1/reports/funnel} and its CSV export. A member key reads its own
 * agency; an operator key every agency unless {@code agency=} narrows it.
 */
@RestController
@RequestMapping("/api/v1/reports")
class FunnelController {

	private final FunnelService funnels;

	private final Clock clock;

	FunnelController(FunnelService funnels, Clock clock) {
		this.funnels = funnels;
		this.clock = clock;
	}

	@GetMapping("/funnel")
	FunnelReport funnel(Caller caller, @RequestParam(defaultValue = "segment") String groupBy,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean excludeNoHire,
			@RequestParam(required = false) String agency) {
		return this.funnels.funnel(caller.readScope(agency), groupBy(groupBy), ReportPeriod.parse(from, to, this.clock),
				excludeNoHire);
	}

	@GetMapping("/funnel.csv")
	ResponseEntity<String> funnelCsv(Caller caller, @RequestParam(defaultValue = "segment") String groupBy,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean excludeNoHire,
			@RequestParam(required = false) String agency) {
		FunnelReport report = funnel(caller, groupBy, from, to, excludeNoHire, agency);
		return Csv.attachment("funnel-" + report.groupBy() + ".csv", FunnelCsv.render(report.rows()));
	}

	private static GroupBy groupBy(String value) {
		return GroupBy.fromParameter(value)
			.orElseThrow(() -> ApiProblem.invalidField("groupBy",
					"must be one of segment, budgetBand, source, freelancer, category, aiWork, aiExposure"));
	}

}
