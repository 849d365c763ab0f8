package com.bidstream.ingest.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.bidstream.ingest.intake.IntakeReport;
import com.bidstream.ingest.intake.IntakeReport.Rejection;
import com.bidstream.ingest.listing.Violation;

/**
 * An import as {@code GET /api/v1/imports/{id}} shows it: its counts so far and the first
 * {@link #MAX_ERRORS} rejected records, by the line they start on.
 */
record ImportProgress(UUID importId, String status, String format, long total, long processed, long accepted,
		long duplicates, long rejected, List<LineErrors> errors, String failure, Instant createdAt,
		Instant finishedAt) {

	static final int MAX_ERRORS = 100;

	/**
	 * The counts after one more chunk: the intake's report, plus the records that could
	 * not even be read.
	 */
	ImportProgress plus(IntakeReport report, List<Rejection> unreadable) {
		List<LineErrors> more = new ArrayList<>(this.errors);
		List<Rejection> rejections = new ArrayList<>(unreadable);
		rejections.addAll(report.rejected());
		rejections.sort((a, b) -> Long.compare(a.position(), b.position()));
		for (Rejection rejection : rejections) {
			if (more.size() < MAX_ERRORS) {
				more.add(new LineErrors(rejection.position(), rejection.errors()));
			}
		}
		long rejectedNow = rejections.size();
		return new ImportProgress(this.importId, this.status, this.format, this.total,
				this.processed + report.accepted() + report.duplicates() + rejectedNow,
				this.accepted + report.accepted(), this.duplicates + report.duplicates(), this.rejected + rejectedNow,
				List.copyOf(more), this.failure, this.createdAt, this.finishedAt);
	}

	record LineErrors(long line, List<Violation> errors) {

	}

}
