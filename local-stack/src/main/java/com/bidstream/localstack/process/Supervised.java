package com.bidstream.localstack.process;

/**
 * A child the launcher keeps running, as compose's {@code restart: unless-stopped} does:
 * Kafka, PostgreSQL and each service. When it exits while the stack runs, the launcher
 * starts another like it in its place.
 */
public interface Supervised {

	ChildProcess process();

	/**
	 * How the console names it: {@code scoring-service}, {@code kafka}, {@code postgres}.
	 */
	String displayName();

	/**
	 * Where it answers, for the console's "is back UP on ...".
	 */
	String address();

	/**
	 * Whether it answers now: one short try, for the supervisor's polling.
	 */
	boolean isUp();

	/**
	 * Starts another process like this one (same ports, data and settings), not waiting
	 * for it to answer.
	 */
	Supervised startAgain();

}
