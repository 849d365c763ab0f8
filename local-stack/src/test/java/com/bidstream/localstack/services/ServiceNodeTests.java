package com.bidstream.localstack.services;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the launcher passes to one service only.
 */
class ServiceNodeTests {

	private final Path data = Path.of("/tmp/stack/.bidstream/ingest");

	@Test
	void ingestAllowsFeedsOnThisMachineAndSpoolsImportsUnderTheStacksData() {
		assertThat(ServiceNode.ownArguments(Service.INGEST, this.data)).containsExactly(
				"--bidstream.ingest.feeds.allow-private-addresses=true",
				"--bidstream.ingest.imports.spool-dir=/tmp/stack/.bidstream/ingest/imports");
	}

	@Test
	void theOtherServicesGetNothingOfTheirOwn() {
		assertThat(ServiceNode.ownArguments(Service.SCORING, this.data)).isEmpty();
		assertThat(ServiceNode.ownArguments(Service.TRACKING, this.data)).isEmpty();
		assertThat(ServiceNode.ownArguments(Service.REPORTING, this.data)).isEmpty();
	}

}
