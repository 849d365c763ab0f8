package com.bidstream.ingest;

import org.springframework.test.context.TestPropertySource;

import com.bidstream.testsupport.ServiceIntegrationTest;

/**
 * Imports, feeds, webhooks and limits on the embedded KRaft broker and embedded
 * PostgreSQL 18; the feed stubs listen on loopback, which the tests allow.
 */
@ServiceIntegrationTest(database = "ingest")
@TestPropertySource(properties = { "bidstream.ingest.feeds.allow-private-addresses=true",
		"bidstream.ingest.imports.chunk=2", "bidstream.ingest.imports.resume-every=500ms",
		"bidstream.ingest.feeds.read-timeout=1s", "bidstream.ingest.feeds.max-response=256KB",
		"bidstream.ingest.feeds.check-every=200ms", "bidstream.ingest.feeds.min-gap=1s" })
class IntakeSourcesEmbeddedIntegrationTests extends IntakeSourcesIntegrationTests {

}
