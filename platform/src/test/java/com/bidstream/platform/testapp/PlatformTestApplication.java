package com.bidstream.platform.testapp;

import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.platform.messaging.EventConsumer;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;

/**
 * A minimal service built on the platform, as the four services are.
 */
@SpringBootApplication
public class PlatformTestApplication {

	/** How often an event of agency {@code slow} began to be applied. */
	public static final java.util.concurrent.atomic.AtomicInteger SLOW_CALLS = new java.util.concurrent.atomic.AtomicInteger();

	/**
	 * Holds an event of agency {@code slow} inside its transaction until the test counts
	 * it down.
	 */
	public static final java.util.concurrent.CountDownLatch SLOW_HOLD = new java.util.concurrent.CountDownLatch(1);

	/**
	 * A filter that refuses its path with an {@link ApiProblem} thrown, as a filter
	 * reading a body over its bound would: the error page must answer with that problem.
	 */
	@Bean
	FilterRegistrationBean<jakarta.servlet.Filter> refusingFilter() {
		FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(
				(request, response, chain) -> {
					throw ApiProblem.payloadTooLarge("refused by a filter");
				});
		registration.addUrlPatterns("/api/probe/filter-refusal");
		return registration;
	}

	@Bean
	Consumer<List<byte[]>> probe(EventConsumer events, JdbcTemplate jdbc) {
		return events.of("platform-test", PursuitAdvanced.class, (event) -> {
			if ("poison".equals(event.agencyId())) {
				throw new IllegalStateException("cannot apply an event of agency poison");
			}
			if ("slow".equals(event.agencyId())) {
				// holds its transaction open, so that a test can cut the database under
				// it
				jdbc.queryForObject("select 1", Integer.class);
				SLOW_CALLS.incrementAndGet();
				try {
					SLOW_HOLD.await(60, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			jdbc.update("insert into applied (event_id, agency_id) values (?, ?)", event.eventId(), event.agencyId());
		});
	}

	@RestController
	static class ProbeController {

		private final JdbcTemplate jdbc;

		private final org.springframework.transaction.support.TransactionTemplate transactions;

		ProbeController(JdbcTemplate jdbc, org.springframework.transaction.support.TransactionTemplate transactions) {
			this.jdbc = jdbc;
			this.transactions = transactions;
		}

		@PostMapping("/api/probe/write")
		String write(Caller caller) {
			return caller.writeAgency();
		}

		@PostMapping("/api/probe/json")
		int json(@RequestBody JsonNode body) {
			return body.size();
		}

		@PostMapping("/api/probe/large")
		int large(@RequestBody JsonNode body) {
			return body.size();
		}

		/** Reads its body itself, of any type, on a path given a larger bound. */
		@PostMapping("/api/probe/large-raw")
		int largeRaw(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
			return request.getInputStream().readAllBytes().length;
		}

		/** Reads its body itself, of any type, on a path with no bound named. */
		@PostMapping("/api/probe/raw")
		int raw(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
			return request.getInputStream().readAllBytes().length;
		}

		@PostMapping("/api/probe/map")
		int map(@RequestBody java.util.Map<String, Object> body) {
			return body.size();
		}

		@GetMapping("/api/probe/read")
		String read(Caller caller, @RequestParam(required = false) String agency) {
			return caller.readScope(agency).orElse("*");
		}

		@GetMapping("/api/probe/operator")
		String operator(Caller caller) {
			caller.requireOperator();
			return "ok";
		}

		@GetMapping("/api/probe/invalid")
		String invalid() {
			throw ApiProblem.invalidField("budget.amount", "must be at most 10000000");
		}

		@GetMapping("/api/probe/database-down")
		String databaseDown() {
			throw new org.springframework.transaction.CannotCreateTransactionException(
					"Could not open JDBC Connection for transaction");
		}

		/** A real statement timeout of the real database (SQLState 57014). */
		@GetMapping("/api/probe/statement-timeout")
		String statementTimeout() {
			return this.transactions.execute((status) -> {
				this.jdbc.execute("set local statement_timeout = 50");
				return this.jdbc.queryForObject("select pg_sleep(5)::text", String.class);
			});
		}

		@GetMapping("/api/probe/boom")
		String boom() {
			throw new IllegalStateException("org.postgresql.SECRET select * from secrets");
		}

	}

}
