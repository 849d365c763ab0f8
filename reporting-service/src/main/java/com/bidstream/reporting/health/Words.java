package com.bidstream.reporting.health;

import java.time.Duration;

/**
 * Durations as a person reads them in a reason: "45 s", "12 min", "3 h 5 min", "2 d 4 h".
 */
final class Words {

	private Words() {
	}

	static String duration(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = minutes / 60;
		if (hours < 24) {
			return hours + " h" + ((minutes % 60 > 0) ? " " + minutes % 60 + " min" : "");
		}
		return hours / 24 + " d" + ((hours % 24 > 0) ? " " + hours % 24 + " h" : "");
	}

}
