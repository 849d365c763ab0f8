/**
 * The report endpoints under {@code /api/v1/reports}: parameters, cohort queries, JSON
 * and CSV.
 */
package com.bidstream.reporting.reports;
