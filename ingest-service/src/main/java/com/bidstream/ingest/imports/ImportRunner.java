package com.bidstream.ingest.imports;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.bidstream.ingest.imports.Imports.ImportJob;
import com.bidstream.ingest.intake.IntakeReport.Rejection;
import com.bidstream.ingest.intake.ListingCandidate;
import com.bidstream.ingest.intake.ListingIntake;
import com.bidstream.ingest.intake.ListingIntake.Checked;
import com.bidstream.ingest.listing.Violation;

/**
 * Runs imports on a few worker threads, {@code chunk} records per intake transaction, the
 * next chunk read and parsed ahead ({@link ReadAhead}) while one is written; each chunk
 * commits with the import's counts and the offset after its last record. An import whose
 * lease runs out (its instance was killed) is claimed again and resumed from its last
 * committed chunk, so no counted record is lost or taken twice.
 */
@Component
class ImportRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	static final int MAX_ATTEMPTS = 5;

	private final String owner = UUID.randomUUID().toString();

	private final Imports imports;

	private final ListingIntake intake;

	private final int chunk;

	private final Duration lease;

	private final ThreadPoolExecutor workers;

	private final Set<UUID> running = ConcurrentHashMap.newKeySet();

	private final Counter records;

	ImportRunner(Imports imports, ListingIntake intake, @Value("${bidstream.ingest.imports.chunk:1000}") int chunk,
			@Value("${bidstream.ingest.imports.lease:30s}") Duration lease,
			@Value("${bidstream.ingest.imports.workers:1}") int workers, MeterRegistry meters) {
		this.imports = imports;
		this.intake = intake;
		this.chunk = chunk;
		this.lease = lease;
		this.workers = (ThreadPoolExecutor) Executors.newFixedThreadPool(workers, (task) -> {
			Thread thread = new Thread(task, "import-worker");
			thread.setDaemon(true);
			return thread;
		});
		this.records = Counter.builder("bidstream.ingest.imports.records")
			.description("Import records processed")
			.register(meters);
		Gauge.builder("bidstream.ingest.imports.running", this.running, Set::size)
			.description("Imports running on this instance")
			.register(meters);
	}

	String owner() {
		return this.owner;
	}

	Duration lease() {
		return this.lease;
	}

	void start(ImportJob job) {
		if (this.running.add(job.id())) {
			this.workers.execute(() -> run(job));
		}
	}

	/**
	 * Resumes imports left RUNNING by an instance that stopped (this one before a restart
	 * included), while a worker is free.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${bidstream.ingest.imports.resume-every:5s}", initialDelay = 5_000)
	void resumeAbandoned() {
		try {
			while (this.running.size() < this.workers.getMaximumPoolSize()) {
				var claimed = this.imports.claimAbandoned(this.owner, this.lease);
				if (claimed.isEmpty()) {
					return;
				}
				ImportJob job = claimed.get();
				log.info("Resuming import {} of agency {} at line {} ({} of {} records processed)", job.id(),
						job.agency(), job.resumeLine(), job.progress().processed(), job.progress().total());
				start(job);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for imports to resume: {}", ex.toString());
		}
	}

	private void run(ImportJob job) {
		try {
			if (job.attempts() > MAX_ATTEMPTS) {
				this.imports.finish(job.id(), this.owner, "FAILED", "Gave up after " + MAX_ATTEMPTS + " attempts");
				return;
			}
			if (!job.spool().exists() && !this.imports.running(job.id())) {
				log.info("Import {} was cancelled before it started", job.id());
				return;
			}
			if (!job.spool().exists()) {
				log.warn("Import {} cannot go on: its spooled body {} is gone", job.id(), job.spool().path());
				this.imports.finish(job.id(), this.owner, "FAILED",
						"The uploaded file was lost before it was fully processed; upload the rest again");
				return;
			}
			ImportProgress done = process(job);
			if (done != null) {
				boolean finished = this.imports.finish(job.id(), this.owner, "DONE", null);
				job.spool().delete();
				if (finished) {
					log.info("Import {} of agency {} done: {} records, {} accepted, {} duplicates, {} rejected",
							job.id(), job.agency(), done.processed(), done.accepted(), done.duplicates(),
							done.rejected());
				}
				else {
					log.info("Import {} was cancelled after its last chunk: every record was processed", job.id());
				}
			}
		}
		catch (IOException ex) {
			log.warn("Import {} failed reading its spooled body: {}", job.id(), ex.toString());
			this.imports.finish(job.id(), this.owner, "FAILED", "The uploaded file could not be read");
		}
		catch (RuntimeException ex) {
			log.warn("Import {} stopped; it will be resumed from its last committed chunk once its lease runs out: {}",
					job.id(), ex.toString());
		}
		finally {
			this.running.remove(job.id());
		}
	}

	/**
	 * Feeds the records from the resume point to the intake, chunk by chunk, the next
	 * chunks read and checked ahead; null when another instance took the import over.
	 */
	private ImportProgress process(ImportJob job) throws IOException {
		ImportProgress progress = job.progress();
		try (ReadAhead<Chunk> chunks = readAhead(job)) {
			int written = 0;
			for (Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
				ImportProgress after = commit(job, chunk, progress);
				if (after == null) {
					log.info("Import {} is no longer this instance's (cancelled, or taken over by another); it stops",
							job.id());
					return null;
				}
				progress = after;
				this.records.increment(chunk.records());
				if (++written % 50 == 0) {
					log.info("Import {}: {} of {} records processed", job.id(), progress.processed(), progress.total());
				}
			}
			return progress;
		}
	}

	private ReadAhead<Chunk> readAhead(ImportJob job) throws IOException {
		RecordReader records = job.format().open(job.spool(), job.resumeOffset(), job.resumeLine());
		try {
			return new ReadAhead<>(new Chunks(records, job.resumeOffset(), this.chunk, CHUNK_BYTES, this.intake::check),
					2, "import-reader");
		}
		catch (RuntimeException | Error ex) {
			records.close();
			throw ex;
		}
	}

	/**
	 * Writes a chunk with the import's progress after it, in one transaction; null when
	 * this instance no longer holds the import.
	 */
	private ImportProgress commit(ImportJob job, Chunk chunk, ImportProgress progress) {
		AtomicReference<ImportProgress> next = new AtomicReference<>();
		try {
			this.intake.submit(job.agency(), chunk.checked(), (report) -> {
				ImportProgress after = progress.plus(report, chunk.unreadable());
				if (!this.imports.recordChunk(after, chunk.endOffset(), chunk.nextLine(), this.owner, this.lease)) {
					throw new LostImport();
				}
				next.set(after);
			});
		}
		catch (LostImport ex) {
			return null;
		}
		return next.get();
	}

	/**
	 * The records of a chunk as the intake checked them, the lines that were no record,
	 * and where the import goes on after it.
	 */
	record Chunk(int records, Checked checked, List<Rejection> unreadable, long endOffset, long nextLine) {

	}

	/**
	 * The most bytes of the file one chunk reads: a chunk ends at {@code chunk} records
	 * or once its records reach this many bytes, whichever comes first. Records of up to
	 * 1 MiB ({@link RecordReader#MAX_RECORD_BYTES}) would otherwise make a chunk of 1,000
	 * hold a gigabyte, and up to four chunks are in memory at once.
	 */
	static final long CHUNK_BYTES = 8L * 1024 * 1024;

	/**
	 * Reads records {@code maxRecords} at a time, fewer once they reach {@code maxBytes}
	 * of the file, and has the intake check them (on the read-ahead's thread).
	 */
	static final class Chunks implements ReadAhead.Source<Chunk> {

		private final RecordReader records;

		private final int maxRecords;

		private final long maxBytes;

		private final Function<List<ListingCandidate>, Checked> check;

		private long offset;

		Chunks(RecordReader records, long offset, int maxRecords, long maxBytes,
				Function<List<ListingCandidate>, Checked> check) {
			this.records = records;
			this.offset = offset;
			this.maxRecords = maxRecords;
			this.maxBytes = maxBytes;
			this.check = check;
		}

		@Override
		public Chunk next() throws IOException {
			List<ListingCandidate> candidates = new ArrayList<>();
			List<Rejection> unreadable = new ArrayList<>();
			RawRecord last = null;
			long start = this.offset;
			for (int n = 0; n < this.maxRecords && this.offset - start < this.maxBytes; n++) {
				RawRecord record = this.records.next();
				if (record == null) {
					break;
				}
				if (record.fields() != null) {
					candidates.add(new ListingCandidate(record.fields(), record.line()));
				}
				else {
					unreadable
						.add(new Rejection(record.line(), List.of(new Violation(record.field(), record.problem()))));
				}
				last = record;
				this.offset = record.endOffset();
			}
			if (last == null) {
				return null;
			}
			return new Chunk(candidates.size() + unreadable.size(), this.check.apply(candidates), unreadable,
					last.endOffset(), last.nextLine());
		}

		@Override
		public void close() throws IOException {
			this.records.close();
		}

	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
	}

	/**
	 * Rolls a chunk back when this instance no longer holds its import.
	 */
	private static final class LostImport extends RuntimeException {

		LostImport() {
			super(null, null, false, false);
		}

	}

}
