package com.bidstream.reporting.market;

import com.bidstream.testsupport.ServiceIntegrationTest;

/**
 * The market report's integration tests on the embedded KRaft broker and embedded
 * PostgreSQL 18.
 */
@ServiceIntegrationTest(database = "reporting")
class MarketEmbeddedIntegrationTests extends MarketIntegrationTests {

}
