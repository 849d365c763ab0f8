package com.bidstream.localstack.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends this JVM (running its shutdown hooks, so the broker or the database stops cleanly)
 * when the launcher that started it ends, even if the launcher was killed with
 * {@code kill -9}: no orphan keeps a port or a data directory.
 */
public final class ParentWatch {

	private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);

	private ParentWatch() {
	}

	public static void exitWhenGone(long parentPid) {
		ProcessHandle.of(parentPid).ifPresentOrElse((parent) -> parent.onExit().thenRun(() -> {
			log.warn("Launcher process {} ended; shutting down", parentPid);
			System.exit(0);
		}), () -> {
			log.warn("Launcher process {} is gone; shutting down", parentPid);
			System.exit(0);
		});
	}

}
