package com.bidstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;

import com.bidstream.localstack.process.StartupFailure;

/**
 * The stack's data directory ({@code ./.bidstream}, owner only): {@code kafka/},
 * {@code postgres/}, {@code logs/<process>.log}, the {@code keys} file, and a directory
 * per service that keeps files of its own ({@code ingest/imports/}: imports' spooled
 * bodies). One launcher at a time holds it (a lock file), so two {@code ./bidstream up}
 * cannot share one database.
 */
final class DataDir implements AutoCloseable {

	static final String LAUNCHER_PID = "launcher.pid";

	private final Path root;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private DataDir(Path root, FileChannel lockChannel, FileLock lock) {
		this.root = root;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	static DataDir open(Path root) {
		try {
			Files.createDirectories(root);
			ownerOnly(root);
			for (String sub : new String[] { "kafka", "postgres", "logs" }) {
				Files.createDirectories(root.resolve(sub));
			}
			FileChannel channel = FileChannel.open(root.resolve("launcher.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				channel.close();
				throw new StartupFailure("Another ./bidstream up" + holder(root) + " is already running on " + root
						+ " (stop it first, or use another --data-dir)");
			}
			// written whole or not at all: ./bidstream down may read it at any moment
			Path pending = root.resolve(LAUNCHER_PID + ".new");
			Files.writeString(pending, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
			Files.move(pending, root.resolve(LAUNCHER_PID), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			return new DataDir(root, channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the data directory " + root, ex);
		}
	}

	/**
	 * The pid of the launcher that holds this data directory now, if one does: the lock
	 * is the proof (the pid file stays behind a launcher that was killed). Ask from
	 * another JVM than the launcher's: closing a channel of the lock file releases every
	 * lock the JVM holds on it.
	 */
	static OptionalLong runningLauncher(Path root) {
		Path lockFile = root.resolve("launcher.lock");
		if (!Files.exists(lockFile)) {
			return OptionalLong.empty();
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = tryLock(channel);
			if (lock != null) {
				lock.release();
				return OptionalLong.empty();
			}
			return OptionalLong.of(Long.parseLong(Files.readString(root.resolve(LAUNCHER_PID)).strip()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot tell which launcher holds " + root, ex);
		}
		catch (NumberFormatException ex) {
			throw new UncheckedIOException("Cannot tell which launcher holds " + root,
					new IOException("its launcher.pid holds no pid", ex));
		}
	}

	private static String holder(Path root) {
		try {
			return " (pid " + Long.parseLong(Files.readString(root.resolve(LAUNCHER_PID)).strip()) + ")";
		}
		catch (IOException | NumberFormatException ex) {
			return "";
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// held by this very JVM (a second stack started in-process)
			return null;
		}
	}

	Path root() {
		return this.root;
	}

	Path kafka() {
		return this.root.resolve("kafka");
	}

	Path postgres() {
		return this.root.resolve("postgres");
	}

	Path log(String process) {
		return this.root.resolve("logs").resolve(process + ".log");
	}

	/**
	 * The processes the running launcher started ({@link EarlierRun}).
	 */
	Path pids() {
		return this.root.resolve("pids");
	}

	/**
	 * A service's own files ({@code ingest/}); the service creates what it needs in it.
	 */
	Path service(String id) {
		return this.root.resolve(id);
	}

	Path keys() {
		return this.root.resolve("keys");
	}

	/**
	 * The PostgreSQL port of the last run, so that a database tool keeps its connection
	 * settings across restarts; 0 when there was none.
	 */
	int lastPostgresPort() {
		Path file = postgres().resolve("port");
		try {
			return Files.exists(file) ? Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip()) : 0;
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
	}

	void rememberPostgresPort(int port) {
		try {
			Files.writeString(postgres().resolve("port"), port + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + postgres().resolve("port"), ex);
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
			this.lockChannel.close();
		}
		catch (IOException ex) {
			// the lock goes with the process anyway
		}
	}

	private static void ownerOnly(Path dir) throws IOException {
		try {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: nothing to narrow
		}
	}

}
