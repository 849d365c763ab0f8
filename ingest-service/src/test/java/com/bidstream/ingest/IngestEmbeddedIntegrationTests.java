package com.bidstream.ingest;

import com.bidstream.testsupport.ServiceIntegrationTest;

/**
 * The integration tests on the embedded KRaft broker and embedded PostgreSQL 18.
 */
@ServiceIntegrationTest(database = "ingest")
class IngestEmbeddedIntegrationTests extends IngestIntegrationTests {

}
