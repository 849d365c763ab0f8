package com.bidstream.localstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.bidstream.localstack.process.Trees;

/**
 * zonky's unpacked PostgreSQL binaries ({@code PG-<digest>/} under a working directory).
 * zonky marks a finished unpack with {@code .exists}, but on a retry it keeps every file
 * already there, so a file cut short by a crash mid-unpack would stay broken. An unpack
 * without its mark is therefore removed whole, and zonky unpacks it again.
 */
final class Binaries {

	private static final Logger log = LoggerFactory.getLogger(Binaries.class);

	static final String DONE_MARK = ".exists";

	private Binaries() {
	}

	/**
	 * Removes every unpack in {@code workingDirectory} that has no mark of completion.
	 * @return the unpacks removed
	 */
	static List<Path> removeUnfinished(Path workingDirectory) {
		if (!Files.isDirectory(workingDirectory)) {
			return List.of();
		}
		try (Stream<Path> unpacks = Files.list(workingDirectory)) {
			List<Path> unfinished = unpacks
				.filter((dir) -> dir.getFileName().toString().startsWith("PG-") && Files.isDirectory(dir))
				.filter((dir) -> !Files.exists(dir.resolve(DONE_MARK)))
				.toList();
			for (Path dir : unfinished) {
				log.warn("The PostgreSQL binaries in {} were not completely unpacked (an earlier start was cut"
						+ " short); unpacking them again", dir);
				Trees.delete(dir);
			}
			return unfinished;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot check the PostgreSQL binaries in " + workingDirectory, ex);
		}
	}

}
