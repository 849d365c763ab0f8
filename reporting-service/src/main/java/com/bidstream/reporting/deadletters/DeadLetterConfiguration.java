package com.bidstream.reporting.deadletters;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dead-letter endpoints' broker access, reader, redriver and gauges.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
class DeadLetterConfiguration {

	@Bean
	DeadLetterBroker deadLetterBroker(KafkaProperties kafka, DeadLetterProperties properties) {
		return new DeadLetterBroker(kafka, properties.timeout());
	}

	@Bean
	DeadLetterReader deadLetterReader(DeadLetterBroker broker) {
		return new DeadLetterReader(broker);
	}

	@Bean
	DeadLetterGauges deadLetterGauges(DeadLetterBroker broker, MeterRegistry meters) {
		return new DeadLetterGauges(broker, meters);
	}

	@Bean
	RedriveLog redriveLog(JdbcClient jdbc, Clock clock) {
		return new RedriveLog(jdbc, clock);
	}

	@Bean
	DeadLetters deadLetters(DeadLetterBroker broker, DeadLetterReader reader, DeadLetterGauges gauges,
			RedriveLog redrives) {
		return new DeadLetters(broker, reader, gauges, redrives);
	}

	@Bean
	DeadLetterRedriver deadLetterRedriver(DeadLetterBroker broker, DeadLetterReader reader, RedriveLog redrives,
			MeterRegistry meters) {
		return new DeadLetterRedriver(broker, reader, redrives, meters);
	}

	@Bean
	DeadLetterRedrives deadLetterRedrives(DeadLetterRedriver redriver) {
		return new DeadLetterRedrives(redriver);
	}

}
