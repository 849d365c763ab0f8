package com.bidstream.localstack.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.bidstream.localstack.process.ParentWatch;

/**
 * The broker's own JVM:
 * {@code KafkaBroker <server.properties> <cluster-id file> <launcher pid>}. Formats the
 * storage the first time (keeping the cluster id in the data directory so that restarts
 * reuse it), then runs Kafka until SIGTERM or until the launcher is gone.
 */
public final class KafkaBroker {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private KafkaBroker() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: KafkaBroker <server.properties> <cluster-id file> <parent pid>");
		}
		Path properties = Path.of(args[0]);
		ParentWatch.exitWhenGone(Long.parseLong(args[2]));
		formatOnce(properties, Path.of(args[1]));
		kafka.Kafka.main(new String[] { properties.toString() });
	}

	private static void formatOnce(Path properties, Path clusterIdFile) throws IOException {
		Path logDir = Path.of(load(properties).getProperty("log.dirs"));
		if (Files.exists(logDir.resolve("meta.properties"))) {
			return;
		}
		String clusterId = clusterId(clusterIdFile);
		log.info("Formatting the storage in {} (cluster id {})", logDir, clusterId);
		int code = kafka.tools.StorageTool.execute(
				new String[] { "format", "-t", clusterId, "-c", properties.toString(), "--ignore-formatted" },
				System.out);
		if (code != 0) {
			throw new IllegalStateException("Formatting the Kafka storage failed with code " + code);
		}
	}

	private static String clusterId(Path file) throws IOException {
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		String id = Uuid.randomUuid().toString();
		Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
		return id;
	}

	private static Properties load(Path file) throws IOException {
		Properties props = new Properties();
		try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			props.load(in);
		}
		return props;
	}

}
