package com.bidstream.reporting.health;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.bidstream.reporting.dashboard.Upstream;

/**
 * The sampler with its own admin client and dead-letter reader, both on the service's
 * {@code spring.kafka.*} connection with every wait bounded by
 * {@code bidstream.reporting.health.broker-timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
class HealthConfiguration {

	/** How long a service's health check may take, a connection included. */
	static final Duration SERVICE_PATIENCE = Duration.ofSeconds(2);

	@Bean
	HealthSampler healthSampler(KafkaProperties kafka, SourceReader sources, StageReader stages, JdbcClient jdbc,
			HealthProperties settings, Clock clock, MeterRegistry meters, Upstream upstream) {
		int timeout = (int) settings.brokerTimeout().toMillis();
		Map<String, Object> admin = new HashMap<>(kafka.buildAdminProperties());
		admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-health");
		admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
		admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
		BrokerProbe probe = new BrokerProbe(Admin.create(admin), settings.brokerTimeout());
		Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
		consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
		consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-health-rejects");
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		consumer.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
		consumer.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
		RejectReader rejects = new RejectReader(() -> new KafkaConsumer<>(consumer), settings.rejects(),
				settings.brokerTimeout());
		ServiceChecks services = settings.probeServices()
				? new ServiceChecks((service) -> upstream.healthProblem(service, SERVICE_PATIENCE)) : null;
		return new HealthSampler(probe, rejects, sources, stages, jdbc, settings, clock, meters, services);
	}

	@Bean
	HealthService healthService(HealthSampler sampler, StageReader stages, HealthProperties settings, Clock clock) {
		return new HealthService(sampler, stages, settings, clock);
	}

}
