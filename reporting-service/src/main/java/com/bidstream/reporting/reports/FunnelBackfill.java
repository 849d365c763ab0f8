package com.bidstream.reporting.reports;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.reporting.funnel.ListingKey;

/**
 * Counts into the cells the listings stored before the funnel was kept incrementally
 * (marked in {@code funnel_recount} by migration V2), 500 per transaction, beside the
 * consumers: {@link FunnelStore}'s locks keep each listing counted once. Progress is
 * logged; an interrupted backfill resumes where it stopped at the next start.
 */
@Component
class FunnelBackfill {

	private static final Logger log = LoggerFactory.getLogger(FunnelBackfill.class);

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final FunnelStore store;

	private final TransactionTemplate transactions;

	FunnelBackfill(JdbcClient jdbc, FunnelStore store, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.store = store;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		new SimpleAsyncTaskExecutor("funnel-backfill-").execute(() -> {
			try {
				backfill();
			}
			catch (RuntimeException ex) {
				log.error("Funnel backfill stopped ({}); the listings not yet counted are counted at the next start",
						ex.getMessage());
			}
		});
	}

	void backfill() {
		Long pending = this.jdbc.sql("select count(*) from funnel_recount").query(Long.class).single();
		if (pending == 0) {
			return;
		}
		log.info("Counting {} listings stored before the funnel was kept incrementally", pending);
		long done = 0;
		int counted;
		do {
			counted = this.transactions.execute((status) -> {
				List<ListingKey> keys = this.jdbc.sql("""
						delete from funnel_recount where (agency_id, job_key) in
						  (select agency_id, job_key from funnel_recount limit ? for update skip locked)
						returning agency_id, job_key
						""")
					.param(CHUNK)
					.query((rs, row) -> new ListingKey(rs.getString("agency_id"), rs.getString("job_key")))
					.list();
				this.store.refresh(keys);
				return keys.size();
			});
			done += counted;
			if (counted > 0 && (done % 50_000 < CHUNK || done == pending)) {
				log.info("Funnel backfill: {} of {} listings counted", done, pending);
			}
		}
		while (counted > 0);
	}

}
