package com.bidstream.scoring.model;

/**
 * One signal's value in 0..1 (rounded to two decimals) and the human reason for it.
 */
record Reading(double value, String reason) {

	Reading {
		value = Text.round(value);
	}

}
