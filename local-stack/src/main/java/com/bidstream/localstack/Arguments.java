package com.bidstream.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line: words, {@code --flag}s and {@code --name value} options; an option
 * can also come from the environment ({@code --kafka-port} from
 * {@code BIDSTREAM_KAFKA_PORT}), the command line winning.
 */
final class Arguments {

	private final List<String> words = new ArrayList<>();

	private final Map<String, String> options = new HashMap<>();

	private final Map<String, String> env;

	private Arguments(Map<String, String> env) {
		this.env = env;
	}

	/**
	 * Reads {@code args}: {@code flags} take no value, {@code options} take one; any
	 * other {@code --name} is refused as an unknown option, and {@code -h} is
	 * {@code --help}.
	 */
	static Arguments parse(String[] args, Set<String> flags, Set<String> options, Map<String, String> env) {
		Arguments parsed = new Arguments(env);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("-h")) {
				parsed.options.put("help", "true");
				continue;
			}
			if (!arg.startsWith("--")) {
				parsed.words.add(arg);
				continue;
			}
			String name = arg.substring(2);
			int equals = name.indexOf('=');
			String bare = (equals > 0) ? name.substring(0, equals) : name;
			if (!flags.contains(bare) && !options.contains(bare)) {
				throw new IllegalArgumentException("Unknown option: --" + bare);
			}
			if (equals > 0) {
				parsed.options.put(name.substring(0, equals), name.substring(equals + 1));
			}
			else if (flags.contains(name)) {
				parsed.options.put(name, "true");
			}
			else if (i + 1 < args.length) {
				parsed.options.put(name, args[++i]);
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
		}
		return parsed;
	}

	List<String> words() {
		return List.copyOf(this.words);
	}

	Set<String> names() {
		return Set.copyOf(this.options.keySet());
	}

	boolean flag(String name) {
		return Boolean.parseBoolean(option(name).orElse("false"));
	}

	Optional<String> option(String name) {
		String value = this.options.get(name);
		if (value == null) {
			value = this.env.get("BIDSTREAM_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		return Optional.ofNullable(value).filter((v) -> !v.isBlank());
	}

	int port(String name, int fallback) {
		return number(name, fallback, 65535, "a port number (1-65535)");
	}

	int seconds(String name, int fallback) {
		return number(name, fallback, 3600, "a number of seconds (1-3600)");
	}

	int count(String name, int fallback, int max) {
		return number(name, fallback, max, "a whole number (1-%d)".formatted(max));
	}

	private int number(String name, int fallback, int max, String what) {
		Optional<String> value = option(name);
		if (value.isEmpty()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.get().strip());
			if (number >= 1 && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--" + name + " must be " + what + ", not " + value.get());
	}

}
