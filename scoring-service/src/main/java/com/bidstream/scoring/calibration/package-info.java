/**
 * Calibration of an agency's signal weights against its own outcomes:
 * {@code GET /api/v1/profile/calibration} and {@code POST .../accept} (contract section
 * 4), fed by {@code pursuits.events}.
 */
package com.bidstream.scoring.calibration;
