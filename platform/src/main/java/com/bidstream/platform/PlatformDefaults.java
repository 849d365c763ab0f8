package com.bidstream.platform;

import java.io.IOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults ({@code bidstream-platform-defaults.properties}: dead
 * letters, retries, actuator exposure, migration locations) with the lowest precedence,
 * so that a service's own configuration overrides any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	static final String RESOURCE = "bidstream-platform-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("bidstreamPlatformDefaults", new ClassPathResource(RESOURCE)));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + RESOURCE, ex);
		}
	}

}
