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
	void anUnknownFailureHasNoCause() {
		assertThat(FailureCause.of("kafka", List.of("something else went wrong"))).isEmpty();
	}

}
