package com.bidstream.ingest.feeds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import com.bidstream.contracts.EventCodec;

/**
 * The {@code feeds} table. Tokens and webhook secrets are stored sealed
 * ({@link FeedSecrets}) and opened as rows are read.
 */
@Repository
class Feeds {

	private static final Logger log = LoggerFactory.getLogger(Feeds.class);

	private static final List<String> SEALED_COLUMNS = List.of("token", "secret");

	private final JdbcClient jdbc;

	private final FeedSecrets secrets;

	private final AtomicInteger outdated = new AtomicInteger();

	/**
	 * The least time between two polls of a feed that a request to poll now may bring
	 * ({@code bidstream.ingest.feeds.min-gap}), so that asking cannot make a source be
	 * fetched more often than that.
	 */
	private final long minGapSeconds;

	Feeds(JdbcClient jdbc, FeedSecrets secrets, MeterRegistry meters,
			@Value("${bidstream.ingest.feeds.min-gap:30s}") Duration minGap) {
		this.minGapSeconds = Math.max(0, minGap.toSeconds());
		this.jdbc = jdbc;
		this.secrets = secrets;
		Gauge.builder("bidstream.ingest.feeds.secrets.outdated", this.outdated, AtomicInteger::get)
			.description("Stored feed tokens and webhook secrets not sealed with the current key after the last "
					+ "pass: in plain text, under a previous key, or opening with no key")
			.register(meters);
	}

	/**
	 * Seals with the current key every token and secret that is not sealed with it yet:
	 * stored before sealing existed, or sealed with a previous key (after a rotation). It
	 * runs at start and then every hour, so values another instance still on the old key
	 * sealed during a rolling rotation are sealed again too. Each value is rewritten only
	 * while it still holds the value read; a value that opens with no key is left as it
	 * is, with a warning. {@code bidstream.ingest.feeds.secrets.outdated} counts what is
	 * left after a pass: at 0, the previous keys can go. A pass that fails (the database
	 * away) is logged and tried again at the next, never stopping ingest: every value
	 * still opens with the keys it has.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${bidstream.ingest.secrets-reseal-every:1h}",
			initialDelayString = "${bidstream.ingest.secrets-reseal-every:1h}")
	void sealWithCurrentKey() {
		try {
			reseal();
		}
		catch (RuntimeException ex) {
			log.warn("Could not seal the stored feed tokens and webhook secrets with the current key; trying again "
					+ "at the next pass: {}", ex.getMessage());
		}
	}

	private void reseal() {
		int resealed = 0;
		int left = 0;
		int unopened = 0;
		for (String column : SEALED_COLUMNS) {
			List<Map.Entry<UUID, String>> stored = this.jdbc
				.sql("select id, %1$s from feeds where %1$s is not null".formatted(column))
				.query((row, rowNum) -> Map.entry(row.getObject("id", UUID.class), row.getString(column)))
				.list();
			for (Map.Entry<UUID, String> value : stored) {
				Optional<String> sealed;
				try {
					sealed = this.secrets.resealed(value.getKey(), column, value.getValue());
				}
				catch (IllegalStateException ex) {
					unopened++;
					continue;
				}
				if (sealed.isPresent()) {
					int updated = this.jdbc.sql("update feeds set %1$s = ? where id = ? and %1$s = ?".formatted(column))
						.params(sealed.get(), value.getKey(), value.getValue())
						.update();
					resealed += updated;
					left += 1 - updated;
				}
			}
		}
		this.outdated.set(left + unopened);
		if (resealed > 0) {
			log.info("Sealed {} feed tokens and webhook secrets with the current bidstream.ingest.secrets-key "
					+ "(stored in plain text or under a previous key)", resealed);
		}
		if (unopened > 0) {
			log.warn("{} feed tokens and webhook secrets open with no key: their feeds fail until they are "
					+ "created again, or the key they were sealed with is listed in "
					+ "bidstream.ingest.previous-secrets-keys", unopened);
		}
	}

	/**
	 * Stores a new feed unless its agency already has {@code maxPerAgency}: false then.
	 * Two creates at the same moment may each see room for one, so the bound may be
	 * passed by the posts in flight, never by more.
	 */
	boolean create(Feed feed, int maxPerAgency) {
		return this.jdbc.sql("""
				insert into feeds (id, agency_id, type, source, url, query, poll_seconds, token, secret, mapping,
				    created_at, next_poll_at)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?
				where (select count(*) from feeds where agency_id = ?) < ?""")
			.params(feed.id(), feed.agency(), feed.type().wireName(), feed.source(), feed.url(), feed.query(),
					feed.pollSeconds(), this.secrets.seal(feed.id(), "token", feed.token()),
					this.secrets.seal(feed.id(), "secret", feed.secret()),
					(feed.mapping() != null) ? feed.mapping().toString() : null, Timestamp.from(feed.createdAt()),
					Timestamp.from(feed.nextPollAt()), feed.agency(), maxPerAgency)
			.update() == 1;
	}

	/**
	 * One agency's feeds, or every agency's when {@code agency} is empty, oldest first.
	 */
	List<Feed> list(Optional<String> agency) {
		if (agency.isEmpty()) {
			return this.jdbc.sql("select * from feeds order by created_at, id").query(this::feed).list();
		}
		return this.jdbc.sql("select * from feeds where agency_id = ? order by created_at, id")
			.param(agency.get())
			.query(this::feed)
			.list();
	}

	Optional<Feed> find(UUID id) {
		return this.jdbc.sql("select * from feeds where id = ?").param(id).query(this::feed).optional();
	}

	/**
	 * Makes a polled feed due now, or {@link #minGapSeconds} after its last poll if that
	 * is later. A poll under way finishes first: it then sees it was asked for (its due
	 * time moved) and makes the next one due {@link #minGapSeconds} after itself
	 * ({@link #polled}, {@link #failed}).
	 */
	void dueNow(UUID id) {
		this.jdbc.sql("""
				update feeds set next_poll_at = greatest(now(),
				    coalesce(last_poll_at, '-infinity'::timestamptz) + make_interval(secs => ?))
				where id = ?""").params(this.minGapSeconds, id).update();
	}

	boolean delete(String agency, UUID id) {
		return this.jdbc.sql("delete from feeds where id = ? and agency_id = ?").params(id, agency).update() == 1;
	}

	/**
	 * Claims up to {@code limit} due feeds for one poll each: their lease moves forward
	 * in the same statement that picks them, skipping rows another instance is claiming,
	 * so no feed is polled by two instances at once.
	 */
	List<Feed> claimDue(int limit, Duration lease) {
		return this.jdbc.sql("""
				update feeds set lease_until = now() + make_interval(secs => ?)
				where id in (select id from feeds
				             where type <> 'webhook' and next_poll_at <= now() and lease_until < now()
				             order by next_poll_at limit ? for update skip locked)
				returning *""").params(lease.toSeconds(), limit).query(this::feed).list();
	}

	/**
	 * A poll went through. {@code claimedDue} is the due time the feed had when this poll
	 * claimed it: a later one means a poll was asked for meanwhile, which then follows
	 * {@link #minGapSeconds} after this one instead of {@code nextPoll}.
	 */
	void polled(UUID id, long found, String problem, Instant claimedDue, Instant nextPoll) {
		this.jdbc.sql("""
				update feeds set last_poll_at = now(), last_success_at = now(), listings_found = listings_found + ?,
				    consecutive_failures = 0, last_error = ?, lease_until = '-infinity',
				    next_poll_at = case when next_poll_at > ? then now() + make_interval(secs => ?) else ? end
				where id = ?""")
			.params(found, problem, Timestamp.from(claimedDue), this.minGapSeconds, Timestamp.from(nextPoll), id)
			.update();
	}

	/**
	 * A poll failed; as {@link #polled}, a poll asked for meanwhile follows
	 * {@link #minGapSeconds} after this one instead of the back-off's {@code nextPoll}.
	 */
	void failed(UUID id, String error, Instant claimedDue, Instant nextPoll) {
		this.jdbc.sql("""
				update feeds set last_poll_at = now(), consecutive_failures = consecutive_failures + 1,
				    last_error = ?, lease_until = '-infinity',
				    next_poll_at = case when next_poll_at > ? then now() + make_interval(secs => ?) else ? end
				where id = ?""")
			.params(error, Timestamp.from(claimedDue), this.minGapSeconds, Timestamp.from(nextPoll), id)
			.update();
	}

	/**
	 * A push taken: its new listings counted, its rejected items' problem (null when it
	 * had none, which clears an earlier one), and the feed no longer failing.
	 */
	void pushed(UUID id, long found, String problem) {
		this.jdbc
			.sql("update feeds set last_poll_at = now(), last_success_at = now(), "
					+ "listings_found = listings_found + ?, consecutive_failures = 0, last_error = ? where id = ?")
			.params(found, problem, id)
			.update();
	}

	/**
	 * A push refused as a whole (its body unreadable or too large): the feed is FAILING,
	 * as a polled one whose poll failed, until a push is taken again.
	 */
	void pushRefused(UUID id, String problem) {
		this.jdbc
			.sql("update feeds set last_poll_at = now(), consecutive_failures = consecutive_failures + 1, "
					+ "last_error = ? where id = ?")
			.params(problem, id)
			.update();
	}

	private Feed feed(ResultSet row, int rowNum) throws SQLException {
		String mapping = row.getString("mapping");
		JsonNode tree = (mapping != null) ? EventCodec.mapper().readTree(mapping) : null;
		UUID id = row.getObject("id", UUID.class);
		return new Feed(id, row.getString("agency_id"), FeedType.of(row.getString("type")), row.getString("source"),
				row.getString("url"), row.getString("query"), row.getInt("poll_seconds"), open(id, row, "token"),
				open(id, row, "secret"), tree, instant(row, "created_at"), instant(row, "last_poll_at"),
				instant(row, "last_success_at"), row.getLong("listings_found"), row.getInt("consecutive_failures"),
				row.getString("last_error"), instant(row, "next_poll_at"));
	}

	/**
	 * A token or secret as stored, opened; null (the feed then fails its polls, or its
	 * pushes answer 401) when it does not open with this instance's key.
	 */
	private String open(UUID feed, ResultSet row, String column) throws SQLException {
		try {
			return this.secrets.open(feed, column, row.getString(column));
		}
		catch (IllegalStateException ex) {
			log.warn("The {} of feed {} does not open with bidstream.ingest.secrets-key: {}", column, feed,
					ex.getMessage());
			return null;
		}
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
