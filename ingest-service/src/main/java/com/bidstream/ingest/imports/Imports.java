package com.bidstream.ingest.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.bidstream.contracts.EventCodec;
import com.bidstream.ingest.imports.ImportProgress.LineErrors;

/**
 * The {@code imports} table. A running import is held by one instance at a time: its
 * owner renews a lease with every chunk it commits, and another may claim it once the
 * lease has run out.
 */
@Repository
class Imports {

	private static final TypeReference<List<LineErrors>> ERRORS = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, agency_id, format, status, spool_path, total, processed, accepted, "
			+ "duplicates, rejected, errors, resume_offset, resume_line, attempts, failure, created_at, finished_at";

	private final JdbcClient jdbc;

	Imports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(ImportJob job, String owner, Duration lease) {
		this.jdbc.sql("""
				insert into imports (id, agency_id, format, status, spool_path, total, owner, lease_until, created_at)
				values (?, ?, ?, 'RUNNING', ?, ?, ?, now() + make_interval(secs => ?), ?)""")
			.params(job.id(), job.agency(), job.format().name(), job.spool().path().toString(), job.progress().total(),
					owner, lease.toSeconds(), Timestamp.from(job.progress().createdAt()))
			.update();
	}

	Optional<ImportJob> find(String agency, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from imports where id = ? and agency_id = ?")
			.params(id, agency)
			.query(Imports::job)
			.optional();
	}

	/**
	 * The newest imports of the agency, or of every agency (an operator's view).
	 */
	List<ImportJob> newest(Optional<String> agency, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from imports where (?::text is null or agency_id = ?) "
					+ "order by created_at desc, id limit ?")
			.params(agency.orElse(null), agency.orElse(null), limit)
			.query(Imports::job)
			.list();
	}

	/**
	 * Cancels a running import: its worker finds it no longer running at its next chunk
	 * and stops, that chunk rolled back; the chunks committed before stay imported. False
	 * when it was not running.
	 */
	boolean cancel(String agency, UUID id) {
		return this.jdbc.sql("""
				update imports set status = 'CANCELLED', finished_at = now(), owner = null,
				    failure = 'Cancelled; the records processed before stay imported'
				where id = ? and agency_id = ? and status = 'RUNNING'""").params(id, agency).update() == 1;
	}

	/**
	 * Claims one running import whose lease has run out (its instance died, or it was
	 * never started), for {@code owner}.
	 */
	Optional<ImportJob> claimAbandoned(String owner, Duration lease) {
		return this.jdbc.sql("""
				update imports set owner = ?, lease_until = now() + make_interval(secs => ?), attempts = attempts + 1
				where id = (select id from imports where status = 'RUNNING' and lease_until < now()
				            order by created_at limit 1 for update skip locked)
				returning\s""" + COLUMNS).params(owner, lease.toSeconds()).query(Imports::job).optional();
	}

	/**
	 * Records a chunk's progress and where the next chunk starts, in the chunk's
	 * transaction; false when {@code owner} no longer holds the import (the chunk must
	 * then roll back).
	 */
	boolean recordChunk(ImportProgress progress, long resumeOffset, long resumeLine, String owner, Duration lease) {
		return this.jdbc.sql("""
				update imports set processed = ?, accepted = ?, duplicates = ?, rejected = ?, errors = ?::jsonb,
				    resume_offset = ?, resume_line = ?, lease_until = now() + make_interval(secs => ?)
				where id = ? and owner = ? and status = 'RUNNING'""")
			.params(progress.processed(), progress.accepted(), progress.duplicates(), progress.rejected(),
					EventCodec.mapper().writeValueAsString(progress.errors()), resumeOffset, resumeLine,
					lease.toSeconds(), progress.importId(), owner)
			.update() == 1;
	}

	/**
	 * Ends a running import; false when it was not running (cancelled meanwhile) or not
	 * {@code owner}'s.
	 */
	boolean finish(UUID id, String owner, String status, String failure) {
		return this.jdbc.sql("""
				update imports set status = ?, failure = ?, finished_at = now(), owner = null
				where id = ? and owner = ? and status = 'RUNNING'""").params(status, failure, id, owner).update() == 1;
	}

	/**
	 * Whether the import is still running (not cancelled, done or failed).
	 */
	boolean running(UUID id) {
		return this.jdbc.sql("select status = 'RUNNING' from imports where id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Gives a running import back (this instance stops), so that another may claim it at
	 * once.
	 */
	void release(UUID id, String owner) {
		this.jdbc.sql("update imports set lease_until = now() - interval '1 second' where id = ? and owner = ?")
			.params(id, owner)
			.update();
	}

	private static ImportJob job(ResultSet row, int rowNum) throws SQLException {
		ImportFormat format = ImportFormat.valueOf(row.getString("format"));
		Timestamp finished = row.getTimestamp("finished_at");
		ImportProgress progress = new ImportProgress(row.getObject("id", UUID.class), row.getString("status"),
				format.name().toLowerCase(java.util.Locale.ROOT), row.getLong("total"), row.getLong("processed"),
				row.getLong("accepted"), row.getLong("duplicates"), row.getLong("rejected"),
				EventCodec.mapper().readValue(row.getString("errors"), ERRORS), row.getString("failure"),
				row.getTimestamp("created_at").toInstant(), (finished != null) ? finished.toInstant() : null);
		return new ImportJob(progress.importId(), row.getString("agency_id"), format,
				new SpoolFile(java.nio.file.Path.of(row.getString("spool_path"))), row.getLong("resume_offset"),
				row.getLong("resume_line"), row.getInt("attempts"), progress);
	}

	record ImportJob(UUID id, String agency, ImportFormat format, SpoolFile spool, long resumeOffset, long resumeLine,
			int attempts, ImportProgress progress) {

		static ImportJob started(UUID id, String agency, ImportFormat format, SpoolFile spool, long total,
				Instant now) {
			return new ImportJob(id, agency, format, spool, 0, 1, 0, new ImportProgress(id, "RUNNING",
					format.name().toLowerCase(java.util.Locale.ROOT), total, 0, 0, 0, 0, List.of(), null, now, null));
		}

	}

}
