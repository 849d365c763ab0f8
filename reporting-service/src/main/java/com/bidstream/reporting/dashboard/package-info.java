/**
 * The operators' dashboard at {@code /}: sign-in with an API key into a session, and the
 * funnel page that reads the report with that session.
 */
package com.bidstream.reporting.dashboard;
