package com.bidstream.platform.messaging;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.bidstream.platform.schema.PlatformMigrations;
import com.bidstream.testsupport.EmbeddedInfrastructure;

/**
 * A database of the embedded PostgreSQL with only the platform's tables, for tests of the
 * messaging tables without a whole application.
 */
final class PlatformDatabase {

	private PlatformDatabase() {
	}

	static DataSource migrated(String name) {
		var database = EmbeddedInfrastructure.get().database(name);
		DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/platform")
			.table(PlatformMigrations.HISTORY_TABLE)
			.load()
			.migrate();
		return dataSource;
	}

}
