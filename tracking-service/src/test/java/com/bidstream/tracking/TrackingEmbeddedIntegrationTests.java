package com.bidstream.tracking;

import com.bidstream.testsupport.ServiceIntegrationTest;

/**
 * The integration tests on the embedded KRaft broker and embedded PostgreSQL 18.
 */
@ServiceIntegrationTest(database = "tracking")
class TrackingEmbeddedIntegrationTests extends TrackingIntegrationTests {

}
