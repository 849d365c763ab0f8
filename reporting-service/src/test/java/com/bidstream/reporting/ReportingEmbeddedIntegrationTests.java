package com.bidstream.reporting;

import com.bidstream.testsupport.ServiceIntegrationTest;

/**
 * The integration tests on the embedded KRaft broker and embedded PostgreSQL 18.
 */
@ServiceIntegrationTest(database = "reporting")
class ReportingEmbeddedIntegrationTests extends ReportingIntegrationTests {

}
