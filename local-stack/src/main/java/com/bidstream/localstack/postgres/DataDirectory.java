package com.bidstream.localstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's data directory. zonky runs {@code initdb} only where no
 * {@code postgresql.conf} is; an {@code initdb} cut short leaves a directory that is
 * neither empty (so {@code initdb} refuses it) nor a database (no {@code pg_control}).
 * Such a directory holds no data: it is set aside, never deleted, and made anew.
 */
final class DataDirectory {

	private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

	private DataDirectory() {
	}

	/**
	 * @return where an unfinished data directory was moved, if there was one
	 */
	static Optional<Path> setAsideUnfinished(Path data) {
		if (!Files.isDirectory(data) || isEmpty(data) || isInitialized(data)) {
			return Optional.empty();
		}
		Path aside = data.resolveSibling(data.getFileName() + ".unfinished-" + Instant.now().toEpochMilli());
		try {
			Files.move(data, aside);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot set aside the unfinished data directory " + data, ex);
		}
		log.warn("{} was never completely initialized (an earlier first start was cut short); moved it to {}"
				+ " and initializing anew", data, aside);
		return Optional.of(aside);
	}

	static boolean isInitialized(Path data) {
		return Files.isRegularFile(data.resolve("PG_VERSION")) && Files.isRegularFile(data.resolve("postgresql.conf"))
				&& Files.isRegularFile(data.resolve("global").resolve("pg_control"));
	}

	private static boolean isEmpty(Path dir) {
		try (Stream<Path> entries = Files.list(dir)) {
			// zonky's lock file alone is no content
			return entries.allMatch((entry) -> entry.getFileName().toString().equals("epg-lock"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + dir, ex);
		}
	}

}
