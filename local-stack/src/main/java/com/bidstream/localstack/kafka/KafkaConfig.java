package com.bidstream.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The broker's {@code server.properties}: one node that is broker and controller, every
 * replication factor 1, data under {@code <data>/kafka/data}. Written at every start, so
 * that changed ports take effect; the data and the cluster id are kept.
 */
final class KafkaConfig {

	static final int PARTITIONS = 3;

	private KafkaConfig() {
	}

	static Map<String, String> properties(Path logDir, int port, int controllerPort) {
		Map<String, String> props = new LinkedHashMap<>();
		props.put("process.roles", "broker,controller");
		props.put("node.id", "1");
		props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
		props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("controller.listener.names", "CONTROLLER");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("log.dirs", logDir.toAbsolutePath().toString());
		props.put("num.partitions", String.valueOf(PARTITIONS));
		props.put("default.replication.factor", "1");
		props.put("offsets.topic.replication.factor", "1");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("group.initial.rebalance.delay.ms", "0");
		props.put("auto.create.topics.enable", "true");
		return props;
	}

	static Path write(Path file, Map<String, String> values) {
		Properties props = new Properties();
		props.putAll(values);
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			props.store(out, "Written by ./bidstream up at every start; edits are overwritten");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
