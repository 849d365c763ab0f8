package com.bidstream.ingest.imports;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the items of a source on a thread of its own, at most {@code capacity} ahead, so
 * that an import's worker writes one chunk while the next is read, parsed and checked.
 * The items come out in the source's order; a failure of the source comes out of
 * {@link #next()} in its place, after the items taken before it. Closing stops the thread
 * and closes the source.
 *
 * @param <T> the items
 */
final class ReadAhead<T> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ReadAhead.class);

	/**
	 * What a read-ahead takes from: the next item, or null at the end.
	 *
	 * @param <T> the items
	 */
	interface Source<T> extends AutoCloseable {

		T next() throws IOException;

		@Override
		void close() throws IOException;

	}

	private static final Object END = new Object();

	private final Source<T> source;

	private final BlockingQueue<Object> queue;

	private final Thread thread;

	private volatile boolean closed;

	private Object last;

	ReadAhead(Source<T> source, int capacity, String name) {
		this.source = source;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.thread = new Thread(this::readAll, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void readAll() {
		Object last;
		try {
			for (T item = this.source.next(); item != null; item = this.source.next()) {
				this.queue.put(item);
			}
			last = END;
		}
		catch (InterruptedException ex) {
			return;
		}
		catch (Throwable ex) {
			last = ex;
		}
		if (!this.closed) {
			try {
				this.queue.put(last);
			}
			catch (InterruptedException ex) {
				// closed meanwhile: nobody reads on
			}
		}
	}

	/**
	 * The next item, or null at the end.
	 */
	T next() throws IOException {
		Object item = this.last;
		if (item == null) {
			try {
				item = this.queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the next record", ex);
			}
			if (item == END || item instanceof Throwable) {
				this.last = item;
			}
		}
		if (item == END) {
			return null;
		}
		if (item instanceof IOException ex) {
			throw ex;
		}
		if (item instanceof RuntimeException ex) {
			throw ex;
		}
		if (item instanceof Error error) {
			throw error;
		}
		@SuppressWarnings("unchecked")
		T next = (T) item;
		return next;
	}

	/**
	 * Whether the reading thread still runs.
	 */
	boolean reading() {
		return this.thread.isAlive();
	}

	/**
	 * Stops the reading thread and waits for it, then closes the source. A caller that
	 * was interrupted (a worker stopped at shutdown) still waits, and stays interrupted.
	 */
	@Override
	public void close() throws IOException {
		this.closed = true;
		this.thread.interrupt();
		boolean interrupted = Thread.interrupted();
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.thread.isAlive()) {
			log.warn("{} did not stop within 10 s; closing its source under it", this.thread.getName());
		}
		this.source.close();
	}

}
