package com.bidstream.localstack.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the launcher passes to one service only.
 */
class ServiceNodeTests {

	@TempDir
	Path data;

	@Test
	void ingestAllowsFeedsOnThisMachineSpoolsImportsAndKeepsItsSecretsKeyUnderTheStacksData() throws Exception {
		assertThat(ServiceNode.ownArguments(Service.INGEST, this.data)).containsExactly(
				"--bidstream.ingest.feeds.allow-private-addresses=true",
				"--bidstream.ingest.imports.spool-dir=" + this.data.resolve("imports"),
				"--spring.config.import=configtree:" + this.data.resolve("secrets") + "/");
		Path key = this.data.resolve("secrets").resolve("bidstream.ingest.secrets-key");
		assertThat(Base64.getDecoder().decode(Files.readString(key))).hasSize(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		String first = Files.readString(key);
		ServiceNode.ownArguments(Service.INGEST, this.data);
		assertThat(Files.readString(key)).as("kept across starts").isEqualTo(first);
	}

	@Test
	void theOtherServicesGetNothingOfTheirOwn() {
		assertThat(ServiceNode.ownArguments(Service.SCORING, this.data)).isEmpty();
		assertThat(ServiceNode.ownArguments(Service.TRACKING, this.data)).isEmpty();
		assertThat(ServiceNode.ownArguments(Service.REPORTING, this.data)).isEmpty();
	}

}
