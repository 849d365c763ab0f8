package com.bidstream.contracts;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTests {

	@Test
	void anIdIsAVersion7UuidCarryingItsMillisecond() {
		Instant at = Instant.parse("2026-11-26T10:15:30.123456Z");
		UUID id = EventIds.timeOrdered(at);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
		assertThat(UUID.fromString(id.toString())).isEqualTo(id);
	}

	@Test
	void idsSortByTimeAsTheirTextAndBytesDo() {
		Instant at = Instant.parse("2026-11-26T10:15:30Z");
		String earlier = EventIds.timeOrdered(at).toString();
		String later = EventIds.timeOrdered(at.plusMillis(1)).toString();
		String muchLater = EventIds.timeOrdered(at.plusSeconds(86_400L * 365 * 20)).toString();
		// PostgreSQL compares uuids byte by byte, which is the order of their hex text
		assertThat(earlier).isLessThan(later);
		assertThat(later).isLessThan(muchLater);
	}

	@Test
	void idsOfOneMillisecondDiffer() {
		Instant at = Instant.parse("2026-11-26T10:15:30Z");
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(EventIds.timeOrdered(at));
		}
		assertThat(ids).hasSize(100_000);
	}

}
