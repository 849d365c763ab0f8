package com.bidstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bidstream.localstack.process.StartupFailure;

/**
 * Port checks made before anything starts, so a port in use is one clear message and not
 * a half-started stack.
 */
final class Ports {

	private Ports() {
	}

	/**
	 * Fails, naming every port (and what it was meant for) that something already listens
	 * on.
	 */
	static void requireFree(Map<String, Integer> wanted) {
		List<String> busy = inUse(wanted);
		if (!busy.isEmpty()) {
			throw new StartupFailure("Port already in use: " + String.join(", ", busy)
					+ ". Stop what listens there, or choose other ports (./bidstream help).");
		}
	}

	/**
	 * The ports (by what would use them) that something already listens on.
	 */
	static List<String> inUse(Map<String, Integer> wanted) {
		Map<String, Integer> busy = new LinkedHashMap<>();
		wanted.forEach((name, port) -> {
			if (!isFree(port)) {
				busy.put(name, port);
			}
		});
		return busy.entrySet().stream().map((entry) -> entry.getValue() + " (" + entry.getKey() + ")").toList();
	}

	static boolean isFree(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 200);
			return false;
		}
		catch (IOException ex) {
			// nothing answers on localhost; can we also bind it on every interface?
		}
		try (ServerSocket server = new ServerSocket()) {
			// as the broker and Tomcat bind: a port left in TIME_WAIT by a stopped stack
			// is free
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A port that is free right now.
	 */
	static int free() {
		try (ServerSocket server = new ServerSocket(0)) {
			return server.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

}
