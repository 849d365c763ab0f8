/**
 * Pipeline health ({@code GET /api/v1/reports/health}): per-stage throughput and latency
 * from what reporting consumed, consumer lag and dead letters from the broker, sources
 * from the stored listings, and the rules that judge them OK, DEGRADED or DOWN.
 */
package com.bidstream.reporting.health;
