package com.bidstream.scoring;

import com.bidstream.testsupport.ServiceIntegrationTest;

/**
 * The integration tests on the embedded KRaft broker and embedded PostgreSQL 18.
 */
@ServiceIntegrationTest(database = "scoring")
class ScoringEmbeddedIntegrationTests extends ScoringIntegrationTests {

}
