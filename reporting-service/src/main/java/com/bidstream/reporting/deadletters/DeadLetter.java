package com.bidstream.reporting.deadletters;

import java.time.Instant;

/**
 * One message of a dead-letter topic as the operator reads it. {@code originalPartition},
 * {@code originalOffset}, {@code at} and {@code reason} are null when the message's
 * headers do not tell them; {@code key} and {@code payload} are text (invalid UTF-8
 * replaced), cut at {@value DeadLetterRecords#MAX_TEXT} characters. {@code redrivenAt} is
 * when an operator last sent it back to its topic (null if never) and {@code redrives}
 * how often.
 */
record DeadLetter(String id, String topic, String originalTopic, Integer originalPartition, Long originalOffset,
		Instant at, String reason, String key, String payload, Instant redrivenAt, int redrives) {

	DeadLetter redriven(RedriveLog.Redriven redriven) {
		return (redriven == null) ? this
				: new DeadLetter(this.id, this.topic, this.originalTopic, this.originalPartition, this.originalOffset,
						this.at, this.reason, this.key, this.payload, redriven.at(), redriven.times());
	}

}
