package com.bidstream.ingest.feeds;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bidstream.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Feed tokens and webhook secrets in the real {@code feeds} table (embedded PostgreSQL
 * 18). Feeds created through the API are sealed as they are stored; the intake source
 * tests show a sealed token reaching the source and a sealed secret checking a push.
 */
@ServiceIntegrationTest(database = "ingest")
class StoredSecretsIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Feeds feeds;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void aTokenAndASecretStoredBeforeSealingAreSealedAtStartAndOpenAsBefore() {
		UUID graphql = UUID.randomUUID();
		UUID webhook = UUID.randomUUID();
		this.jdbc.update("""
				insert into feeds (id, agency_id, type, source, url, poll_seconds, token, created_at, next_poll_at)
				values (?, 'acme', 'upwork-graphql', 'upwork', 'https://api.upwork.com/graphql', 300, 'legacy-token',
				        now(), 'infinity')""", graphql);
		this.jdbc.update("""
				insert into feeds (id, agency_id, type, source, poll_seconds, secret, created_at, next_poll_at)
				values (?, 'acme', 'webhook', 'scanner', 300, 'legacy-secret', now(), 'infinity')""", webhook);

		this.feeds.sealWithCurrentKey();

		assertThat(this.jdbc.queryForList("select coalesce(token, secret) from feeds where id in (?, ?)", String.class,
				graphql, webhook))
			.hasSize(2)
			.allSatisfy((stored) -> assertThat(stored).startsWith(FeedSecrets.PREFIX).doesNotContain("legacy"));
		assertThat(this.feeds.find(graphql).orElseThrow().token()).isEqualTo("legacy-token");
		assertThat(this.feeds.find(webhook).orElseThrow().secret()).isEqualTo("legacy-secret");
	}

	/**
	 * A pass that meets a failing database (here the table is away) is logged and throws
	 * nothing, so neither the start nor the schedule stops, and its gauge keeps what the
	 * last pass found; the next pass seals what it left.
	 */
	@Test
	void aPassThatFailsThrowsNothingAndTheNextPassSealsWhatItLeft() {
		UUID id = UUID.randomUUID();
		this.jdbc.update("""
				insert into feeds (id, agency_id, type, source, poll_seconds, secret, created_at, next_poll_at)
				values (?, 'acme', 'webhook', 'scanner', 300, 'plain-secret', now(), 'infinity')""", id);
		double before = this.meters.get("bidstream.ingest.feeds.secrets.outdated").gauge().value();

		this.jdbc.execute("alter table feeds rename to feeds_away");
		try {
			assertThatNoException().isThrownBy(this.feeds::sealWithCurrentKey);
		}
		finally {
			this.jdbc.execute("alter table feeds_away rename to feeds");
		}

		assertThat(this.meters.get("bidstream.ingest.feeds.secrets.outdated").gauge().value()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select secret from feeds where id = ?", String.class, id))
			.isEqualTo("plain-secret");
		this.feeds.sealWithCurrentKey();
		assertThat(this.jdbc.queryForObject("select secret from feeds where id = ?", String.class, id))
			.startsWith(FeedSecrets.PREFIX);
		assertThat(this.feeds.find(id).orElseThrow().secret()).isEqualTo("plain-secret");
	}

	@Test
	void sealingAtStartLeavesAValueThatDoesNotOpenAsItIs() {
		UUID id = UUID.randomUUID();
		String foreign = new FeedSecrets(java.util.Base64.getEncoder().encodeToString(new byte[32])).seal(id, "token",
				"sealed-with-another-key");
		this.jdbc.update(
				"""
						insert into feeds (id, agency_id, type, source, url, poll_seconds, token, secret, created_at, next_poll_at)
						values (?, 'acme', 'upwork-graphql', 'upwork', 'https://api.upwork.com/graphql', 300, ?, 'plain', now(),
						        'infinity')""",
				id, foreign);

		this.feeds.sealWithCurrentKey();

		assertThat(this.jdbc.queryForObject("select token from feeds where id = ?", String.class, id))
			.as("not overwritten by what it opened to (nothing)")
			.isEqualTo(foreign);
		assertThat(this.jdbc.queryForObject("select secret from feeds where id = ?", String.class, id))
			.startsWith(FeedSecrets.PREFIX);
		assertThat(this.feeds.find(id).orElseThrow().secret()).isEqualTo("plain");
	}

	@Test
	void aValueSealedWithThePreviousKeyOpensAndIsSealedAgainWithTheCurrentKeyAtStart(
			@Value("${bidstream.ingest.secrets-key}") String current,
			@Value("${bidstream.ingest.previous-secrets-keys}") String previous) {
		UUID id = UUID.randomUUID();
		String underPrevious = new FeedSecrets(previous).seal(id, "secret", "rotated-secret");
		this.jdbc.update("""
				insert into feeds (id, agency_id, type, source, poll_seconds, secret, created_at, next_poll_at)
				values (?, 'acme', 'webhook', 'scanner', 300, ?, now(), 'infinity')""", id, underPrevious);
		assertThat(this.feeds.find(id).orElseThrow().secret()).as("opens with the previous key")
			.isEqualTo("rotated-secret");

		this.feeds.sealWithCurrentKey();

		String stored = this.jdbc.queryForObject("select secret from feeds where id = ?", String.class, id);
		assertThat(stored).startsWith(FeedSecrets.PREFIX).isNotEqualTo(underPrevious);
		assertThat(new FeedSecrets(current).open(id, "secret", stored))
			.as("opens with the current key alone: the previous one can go")
			.isEqualTo("rotated-secret");
		this.feeds.sealWithCurrentKey();
		assertThat(this.jdbc.queryForObject("select secret from feeds where id = ?", String.class, id))
			.as("a value sealed with the current key is left as it is")
			.isEqualTo(stored);
		FeedSecrets currentOnly = new FeedSecrets(current);
		long notUnderCurrent = this.jdbc.query("select id, token, secret from feeds", (row, n) -> {
			int count = 0;
			for (String column : new String[] { "token", "secret" }) {
				String value = row.getString(column);
				if (value != null) {
					try {
						count += FeedSecrets.isSealed(value)
								? ((currentOnly.open(row.getObject("id", UUID.class), column, value) != null) ? 0 : 1)
								: 1;
					}
					catch (IllegalStateException ex) {
						count++;
					}
				}
			}
			return count;
		}).stream().mapToLong(Integer::longValue).sum();
		assertThat(this.meters.get("bidstream.ingest.feeds.secrets.outdated").gauge().value())
			.as("what is left after a pass: here only values sealed with a key ingest does not have")
			.isEqualTo(notUnderCurrent);
	}

	@Test
	void aSealedValueCopiedOntoAnotherFeedsRowDoesNotOpenThere() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		for (UUID id : new UUID[] { first, second }) {
			this.feeds.create(new Feed(id, "acme", FeedType.WEBHOOK, "scanner", null, null, 300, null,
					"secret-of-" + id, null, java.time.Instant.now(), null, null, 0, 0, null,
					java.time.Instant.parse("9999-01-01T00:00:00Z")), 100);
		}
		this.jdbc.update("update feeds set secret = (select secret from feeds where id = ?) where id = ?", first,
				second);

		assertThat(this.feeds.find(first).orElseThrow().secret()).isEqualTo("secret-of-" + first);
		assertThat(this.feeds.find(second).orElseThrow().secret())
			.as("left unopened: pushes to it answer 401 until it gets a secret of its own")
			.isNull();
	}

}
