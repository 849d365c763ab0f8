package com.bidstream.platform.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class InboxPrunerIntegrationTests {

	final JdbcTemplate jdbc = new JdbcTemplate(PlatformDatabase.migrated("platform_inbox"));

	final List<UUID> old = IntStream.range(0, 5).mapToObj((i) -> UUID.randomUUID()).toList();

	final UUID recent = UUID.randomUUID();

	@Test
	void theInboxHasAnIndexOnReceivedAt() {
		assertThat(this.jdbc.queryForList("select indexdef from pg_indexes where tablename = 'inbox'", String.class))
			.anySatisfy((index) -> assertThat(index).endsWith("(received_at)"));
	}

	@Test
	void aChunkForgetsAtMostItsSizeOldestFirstAndPruneLoopsUntilNothingIsPastTheRetention() {
		givenOldRecordsAndARecentOne();
		InboxPruner pruner = new InboxPruner(this.jdbc, Duration.ofDays(14), 2);

		assertThat(pruner.pruneChunk(OffsetDateTime.now().minusDays(14))).isEqualTo(2);
		assertThat(remaining()).containsExactlyInAnyOrder(this.old.get(2), this.old.get(3), this.old.get(4),
				this.recent);
		assertThat(pruner.prune()).isEqualTo(3);
		assertThat(remaining()).containsExactly(this.recent);
	}

	private void givenOldRecordsAndARecentOne() {
		this.jdbc.update("delete from inbox");
		for (int i = 0; i < this.old.size(); i++) {
			this.jdbc.update(
					"insert into inbox (consumer, event_id, received_at) values ('c', ?, now() - make_interval(days => ?))",
					this.old.get(i), 30 - i);
		}
		this.jdbc.update("insert into inbox (consumer, event_id) values ('c', ?)", this.recent);
	}

	private List<UUID> remaining() {
		return this.jdbc.queryForList("select event_id from inbox", UUID.class);
	}

}
