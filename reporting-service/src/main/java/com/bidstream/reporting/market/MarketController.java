package com.bidstream.reporting.market;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.reporting.csv.Csv;

/**
 * {@code GET /api/v1/reports/market}, and {@code /market.csv} with the same rows. A
 * member key reads its own agency's listings; an operator key every agency's unless
 * {@code agency=} narrows it.
 */
@RestController
@RequestMapping("/api/v1/reports")
class MarketController {

	private final MarketReader reader;

	private final Clock clock;

	private final MeterRegistry meters;

	MarketController(MarketReader reader, Clock clock, MeterRegistry meters) {
		this.reader = reader;
		this.clock = clock;
		this.meters = meters;
	}

	@GetMapping("/market")
	MarketReport market(Caller caller, @RequestParam(defaultValue = "category") String groupBy,
			@RequestParam(defaultValue = "week") String interval, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String agency) {
		MarketGroupBy grouping = MarketGroupBy.fromParameter(groupBy)
			.orElseThrow(() -> ApiProblem.invalidField("groupBy", "must be one of " + MarketGroupBy.PARAMETERS));
		MarketInterval periods = MarketInterval.fromParameter(interval)
			.orElseThrow(() -> ApiProblem.invalidField("interval", "must be one of week, month"));
		MarketWindow window = MarketWindow.parse(from, to, periods, this.clock);
		Optional<String> scope = caller.readScope(agency);
		var rows = Timer.builder("bidstream.reporting.market.report")
			.description("Time to compute a market report")
			.tag("groupBy", grouping.parameter())
			.tag("interval", periods.parameter())
			.tag("scope", scope.isPresent() ? "agency" : "all")
			.register(this.meters)
			.record(() -> this.reader.rows(scope, grouping, window));
		return new MarketReport(grouping.parameter(), periods.parameter(), window.from(), window.to(), rows);
	}

	/**
	 * The same rows as CSV.
	 */
	@GetMapping("/market.csv")
	ResponseEntity<String> marketCsv(Caller caller, @RequestParam(defaultValue = "category") String groupBy,
			@RequestParam(defaultValue = "week") String interval, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String agency) {
		MarketReport report = market(caller, groupBy, interval, from, to, agency);
		return Csv.attachment("market-" + report.groupBy() + "-" + report.interval() + ".csv",
				MarketCsv.render(report.rows()));
	}

}
