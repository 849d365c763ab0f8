package com.bidstream.platform;

import java.util.List;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

import com.bidstream.platform.schema.PlatformMigrations;

/**
 * Runs the platform's migrations (their own history) just before the service's own, which
 * Boot's Flyway runs from {@code classpath:db/migration}. A service that declares its own
 * {@link FlywayMigrationStrategy} must call {@link PlatformMigrations} itself.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
public class PlatformFlywayAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FlywayMigrationStrategy platformMigrationsFirst(
			@Value("${bidstream.platform.migration-locations:classpath:db/platform}") List<String> locations) {
		PlatformMigrations platform = new PlatformMigrations(locations);
		return (service) -> {
			platform.migrateBefore(service);
			service.migrate();
		};
	}

}
