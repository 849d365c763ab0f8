package com.bidstream.localstack.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.bidstream.localstack.process.JavaCommand;
import com.bidstream.localstack.process.Trees;

/**
 * Faster service starts, from what the JDK and Spring Boot already do. A service's
 * executable jar holds its libraries as nested jars, which the JVM reads through Spring
 * Boot's own class loader; four services starting together on two cores spent about 40 s
 * each loading classes that way. So, once per build of a jar:
 * <ol>
 * <li>the jar is extracted with Spring Boot's {@code -Djarmode=tools extract} (a plain
 * jar and its libraries beside it, the layout Spring Boot documents for class data
 * sharing);</li>
 * <li>the first start records the classes it loads ({@code -XX:ArchiveClassesAtExit}):
 * the JVM writes them into a class data sharing (CDS) archive when it stops;</li>
 * <li>a later start checks that archive with {@code java -Xshare:on ... -version} (a cut
 * archive would crash the JVM that maps it) and then maps it
 * ({@code -XX:SharedArchiveFile}): the classes are already parsed and verified.</li>
 * </ol>
 * Everything lives under {@code <module>/target/cds/<key>/}, the key naming the jar's
 * content and the JDK, so a changed service or another JDK starts afresh; a directory no
 * start has used for a day is deleted. Anything that goes wrong here starts the service
 * the plain way, from its executable jar: this only ever makes a start faster.
 */
public final class ClassDataCache {

	/**
	 * An archive a stop cut short is never mapped, and is deleted once it is this old (a
	 * stack of another launcher may still be writing it before that).
	 */
	private static final Duration ABANDONED = Duration.ofMinutes(15);

	private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);

	/**
	 * Another build's (or JDK's) directory is deleted once no start has used it for this
	 * long: a stack of that build may still be running from it.
	 */
	private static final Duration UNUSED = Duration.ofDays(1);

	private static final String LAST_USED = "last-used";

	private static final String ARCHIVE = "classes.jsa";

	private static final String RECORDING = ".recording";

	private ClassDataCache() {
	}

	/**
	 * How to start a service: the jar {@code java -jar} runs, the JVM options for its
	 * class data, and what was decided, in words.
	 */
	public record Launch(Path jar, List<String> jvmOptions, Kind kind, String detail) {

		public Launch {
			jvmOptions = List.copyOf(jvmOptions);
		}

	}

	/**
	 * What a start does with class data.
	 */
	public enum Kind {

		/** Maps the archive an earlier run recorded. */
		SHARED,
		/** Records an archive for the next start, when it stops. */
		RECORDING,
		/** Runs the executable jar as built (the cache could not be made). */
		PLAIN

	}

	/**
	 * Extracts {@code executableJar} if this build was not yet, and says how to start it;
	 * {@code jvmOptions} are the service's own (an archive is checked with them).
	 */
	public static Launch prepare(Path executableJar, List<String> jvmOptions) {
		if (!Files.isRegularFile(executableJar)) {
			return plain(executableJar, "no executable jar");
		}
		try {
			Path cache = executableJar.toAbsolutePath().getParent().resolve("cds");
			Path dir = cache.resolve(key(executableJar));
			Path jar = extracted(executableJar, cache, dir);
			Files.write(dir.resolve(LAST_USED), new byte[0]);
			deleteOthers(cache, dir);
			Path archive = dir.resolve(ARCHIVE);
			if (!Files.isRegularFile(archive)) {
				promoteRecording(dir, archive, jar, jvmOptions);
			}
			if (Files.isRegularFile(archive)) {
				return new Launch(jar, List.of("-XX:SharedArchiveFile=" + archive), Kind.SHARED,
						"class data shared from " + archive);
			}
			Path recording = dir.resolve(UUID.randomUUID() + RECORDING);
			// the JVM names each class it cannot archive (old class files, generated
			// accessors) in a warning, a few hundred lines in the service's log at stop
			return new Launch(jar, List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=error"), Kind.RECORDING,
					"recording class data into " + recording);
		}
		catch (IOException | RuntimeException ex) {
			return plain(executableJar, "no class data cache: " + ex.getMessage());
		}
	}

	private static Launch plain(Path executableJar, String why) {
		return new Launch(executableJar, List.of(), Kind.PLAIN, why);
	}

	/**
	 * The jar's content and the JDK: an archive belongs to both. The content, not the
	 * jar's time: the build is reproducible, so a rebuild that changed one service leaves
	 * the others' jars, and their archives, as they were.
	 */
	static String key(Path executableJar) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(String.join("|", System.getProperty("java.home"), System.getProperty("java.vm.version"), "")
				.getBytes(StandardCharsets.UTF_8));
			try (InputStream in = new DigestInputStream(Files.newInputStream(executableJar), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The extracted jar of this build, extracting it first if needed: into a directory of
	 * its own, then moved in place whole, so that two launchers starting at once never
	 * see half of it.
	 */
	private static Path extracted(Path executableJar, Path cache, Path dir) throws IOException {
		Path app = dir.resolve("app");
		Path jar = app.resolve(executableJar.getFileName().toString());
		if (Files.isRegularFile(jar)) {
			return jar;
		}
		Files.createDirectories(dir);
		Path scratch = cache.resolve("extracting-" + UUID.randomUUID());
		try {
			run(List.of(JavaCommand.java(), "-Djarmode=tools", "-jar", executableJar.toAbsolutePath().toString(),
					"extract", "--destination", scratch.toString()), "extract " + executableJar.getFileName());
			try {
				Files.move(scratch, app, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileSystemException ex) {
				// another launcher extracted the same build first (Linux says "directory
				// not empty"): theirs is used, checked below
			}
		}
		finally {
			Trees.delete(scratch);
		}
		if (!Files.isRegularFile(jar)) {
			throw new IOException("extracting " + executableJar.getFileName() + " left no " + jar);
		}
		return jar;
	}

	/**
	 * Makes a finished recording the archive: one that {@code java -Xshare:on} maps with
	 * this jar's class path. A recording that fails the check is left to whoever may
	 * still write it, and deleted once abandoned.
	 */
	private static void promoteRecording(Path dir, Path archive, Path jar, List<String> jvmOptions) throws IOException {
		for (Path recording : recordings(dir)) {
			if (Files.isRegularFile(archive)) {
				Files.deleteIfExists(recording);
			}
			else if (mapsCleanly(recording, jar, jvmOptions)) {
				try {
					// a rename: a JVM mapping an archive this replaces keeps the one it
					// mapped
					Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (FileSystemException ex) {
					// another launcher promoted it first
				}
			}
			else if (olderThan(recording, ABANDONED)) {
				Files.deleteIfExists(recording);
			}
		}
	}

	private static List<Path> recordings(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(RECORDING)).sorted().toList();
		}
	}

	static boolean mapsCleanly(Path archive, Path jar, List<String> jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(JavaCommand.java());
		command.addAll(jvmOptions);
		// a cut archive crashes this JVM: no hs_err_pid file in the launcher's directory
		command.addAll(List.of("-XX:ErrorFile=/dev/null", "-XX:-CreateCoredumpOnCrash", "-Xshare:on",
				"-XX:SharedArchiveFile=" + archive, "-cp", jar.toString(), "-version"));
		try {
			run(command, "check " + archive.getFileName());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Runs a JVM of ours to its end: at most {@link #TOOL_TIMEOUT}, then it is killed and
	 * the service starts the plain way.
	 */
	private static void run(List<String> command, String what) throws IOException {
		Path output = Files.createTempFile("bidstream-cds-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			if (!process.waitFor(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IOException(what + " did not end within " + TOOL_TIMEOUT.toSeconds() + " s");
			}
			if (process.exitValue() != 0) {
				throw new IOException(
						what + " ended with " + process.exitValue() + ": " + lastLine(Files.readString(output)));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException(what + " interrupted", ex);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static String lastLine(String output) {
		List<String> lines = output.strip().lines().filter((line) -> !line.startsWith("#")).toList();
		return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
	}

	private static boolean olderThan(Path file, Duration age) throws IOException {
		FileTime modified = Files.getLastModifiedTime(file);
		return modified.toInstant().isBefore(Instant.now().minus(age));
	}

	/**
	 * Deletes the directories of other builds (and JDKs) that no start has used for a
	 * day, and scratch directories left by a launcher killed while it extracted; a
	 * failure here only leaves them for the next time.
	 */
	private static void deleteOthers(Path cache, Path keep) {
		try (Stream<Path> entries = Files.list(cache)) {
			for (Path entry : entries.toList()) {
				boolean scratch = entry.getFileName().toString().startsWith("extracting-");
				Path used = entry.resolve(LAST_USED);
				Path age = (!scratch && Files.exists(used)) ? used : entry;
				if (!entry.equals(keep) && olderThan(age, scratch ? ABANDONED : UNUSED)) {
					Trees.delete(entry);
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// left for the next build's start
		}
	}

}
