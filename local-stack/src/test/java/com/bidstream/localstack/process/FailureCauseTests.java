package com.bidstream.localstack.process;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCauseTests {

	@Test
	void anOutOfMemoryErrorWhileUnpackingIsNamedAsSuch() {
		List<String> lines = List.of("INFO  [main] i.z.t.d.p.embedded.EmbeddedPostgres - Extracting Postgres...",
				"Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");

		assertThat(FailureCause.of("postgres", lines))
			.contains("PostgreSQL ran out of memory while unpacking its binaries");
	}

	@Test
	void anOutOfMemoryErrorElsewhereNamesTheProcess() {
		assertThat(FailureCause.of("scoring", List.of("java.lang.OutOfMemoryError: Java heap space")))
			.contains("scoring-service ran out of memory");
	}

	@Test
	void aDataDirectoryHeldByAnotherProcessIsNamed() {
		assertThat(FailureCause.of("postgres",
				List.of("java.lang.IllegalStateException: could not lock /x/postgres/data/epg-lock")))
			.contains("PostgreSQL's data directory is still held by another process (a Bidstream still stopping?)");
	}

	@Test
	void aPortInUseIsNamed() {
		assertThat(FailureCause.of("ingest", List.of("Web server failed to start. Port 8081 was already in use.")))
			.contains("ingest-service could not open its port: another program is using it");
	}

	@Test
	void inOneLineAnUnknownFailureIsItsDeepestCause() {
		List<String> lines = List.of("ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed",
				"org.springframework.context.ApplicationContextException: Failed to start bean 'x'",
				"\tat org.springframework.context.support.DefaultLifecycleProcessor.doStart(...)",
				"Caused by: java.lang.IllegalStateException: outer", "\tat a.b.C.d(C.java:1)",
				"Caused by: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node",
				"\t... 12 common frames omitted");

		assertThat(FailureCause.inOneLine("reporting", lines))
			.contains("org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node");
		assertThat(FailureCause.inOneLine("ingest",
				List.of("Web server failed to start. Port 8081 was already in use.",
						"Caused by: java.net.BindException: Address already in use")))
			.as("a known cause first")
			.contains("ingest-service could not open its port: another program is using it");
		assertThat(FailureCause.inOneLine("kafka", List.of("something else went wrong"))).isEmpty();
	}

	@Test
	void inOneLineOnlyTheLastTraceCountsAndASuppressedCauseIsNotItsBottom() {
		List<String> lines = List.of("WARN an earlier trace, retried", "java.io.IOException: earlier",
				"\tat a.b.C.d(C.java:1)", "Caused by: java.net.ConnectException: an old cause",
				"\tat a.b.C.e(C.java:2)", "INFO starting again", "ERROR Application run failed",
				"java.lang.IllegalStateException: the bean could not start", "\tat x.y.Z.start(Z.java:3)",
				"\tSuppressed: java.lang.RuntimeException: cleanup", "\t\tCaused by: java.lang.Error: not the bottom",
				"\t\tat x.y.Z.close(Z.java:4)");

		assertThat(FailureCause.inOneLine("reporting", lines))
			.contains("java.lang.IllegalStateException: the bean could not start");
	}

	@Test
	void anUnknownFailureHasNoCause() {
		assertThat(FailureCause.of("kafka", List.of("something else went wrong"))).isEmpty();
	}

}
