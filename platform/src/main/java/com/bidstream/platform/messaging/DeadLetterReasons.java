package com.bidstream.platform.messaging;

import java.sql.SQLException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.bidstream.contracts.UnreadableEventException;

/**
 * The reason a dead letter carries ({@code x-exception-message}), which the dead-letter
 * API and the health report show: why the event itself failed, in words, with no SQL and
 * no internal class names. Only the failures that speak to an operator keep their
 * message: an unreadable event, and an event a handler refused
 * ({@link IllegalArgumentException}, {@link IllegalStateException}), with package names
 * cut from their type names. A database refusal is named with its SQLState; anything else
 * (a {@link NullPointerException}'s message names classes and methods) becomes a sentence
 * pointing at the service's log, whose WARN line has the failure's own words.
 */
public final class DeadLetterReasons {

	/** A reason is a sentence, not a payload. */
	static final int MAX_LENGTH = 1_000;

	private static final String LOG = "; the service's log has the details";

	private static final String DATABASE = "The database refused the event" + LOG;

	private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)");

	private static final Pattern TOKEN = Pattern.compile(" ?\\(token `[^`]*`\\)");

	private DeadLetterReasons() {
	}

	/**
	 * Why {@code failure} made its record a dead letter, fit to show.
	 */
	public static String of(Throwable failure) {
		Throwable cause = cause(failure);
		for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
			if (inner instanceof DataAccessException || inner instanceof SQLException) {
				String state = sqlState(inner);
				return (state != null) ? "The database refused the event (SQLState " + state + ")" + LOG : DATABASE;
			}
		}
		if (cause instanceof UnreadableEventException || cause instanceof IllegalArgumentException
				|| cause instanceof IllegalStateException) {
			return scrub(cause.getMessage());
		}
		return "The event could not be applied: an unexpected error in the consumer; the service's log has the details";
	}

	/**
	 * The failure's own words, for the service's log.
	 */
	public static String raw(Throwable failure) {
		Throwable cause = cause(failure);
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/**
	 * A reason as stored, fit to show: package names cut from type names, at most
	 * {@value #MAX_LENGTH} characters. Dead letters written before these rules, or by
	 * other producers, pass through it when read. Null stays null.
	 */
	public static @Nullable String scrub(@Nullable String reason) {
		if (reason == null) {
			return null;
		}
		if (reason.contains("SQL [") || reason.contains("PreparedStatementCallback") || reason.contains("ERROR: ")) {
			// written before these rules: a database's refusal in its own words
			return DATABASE;
		}
		// Jackson's parser token, in messages written before events' reasons were worded
		String scrubbed = QUALIFIED.matcher(TOKEN.matcher(reason).replaceAll("")).replaceAll("$1").replace('$', '.');
		return (scrubbed.length() > MAX_LENGTH) ? scrubbed.substring(0, MAX_LENGTH) + "…" : scrubbed;
	}

	private static Throwable cause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BatchListenerFailedException && cause.getCause() != null) {
				return cause.getCause();
			}
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static @Nullable String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
