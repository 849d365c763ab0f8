package com.bidstream.reporting.deadletters;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
	DeadLetters deadLetters(DeadLetterBroker broker, DeadLetterReader reader, DeadLetterGauges gauges) {
		return new DeadLetters(broker, reader, gauges);
	}

	@Bean
	DeadLetterRedriver deadLetterRedriver(DeadLetterBroker broker, DeadLetterReader reader, MeterRegistry meters) {
		return new DeadLetterRedriver(broker, reader, meters);
	}

	@Bean
	DeadLetterRedrives deadLetterRedrives(DeadLetterRedriver redriver) {
		return new DeadLetterRedrives(redriver);
	}

}
