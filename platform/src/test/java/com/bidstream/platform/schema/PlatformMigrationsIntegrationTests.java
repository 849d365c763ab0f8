package com.bidstream.platform.schema;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.bidstream.testsupport.EmbeddedInfrastructure;
import com.bidstream.testsupport.TestInfrastructure.Database;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformMigrationsIntegrationTests {

	static final String SERVICE_HISTORY = "flyway_schema_history";

	final PlatformMigrations platformWithANewerMigration = new PlatformMigrations(
			List.of("classpath:db/platform", "classpath:db/platform-next"));

	@Test
	void aPlatformMigrationReleasedAfterTheServicesOwnIsAppliedOnTopWithoutLosingData() {
		DataSource dataSource = database("platform_upgrade");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		migrateTheOldWay(dataSource);
		UUID kept = UUID.randomUUID();
		jdbc.update("insert into outbox (topic, msg_key, event_id, event_type, payload) values ('t', 'k', ?, 'E', ?)",
				kept, new byte[] { 1 });

		migrate(dataSource);

		assertThat(platformVersions(jdbc)).as("baselined at what the service's history held, then the newer ones")
			.containsExactly("0.2", "0.3", "0.9");
		assertThat(tableExists(jdbc, "platform_next_probe")).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from outbox where event_id = ?", Long.class, kept))
			.isEqualTo(1);
		assertThat(
				jdbc.queryForList("select version from " + SERVICE_HISTORY + " order by installed_rank", String.class))
			.as("the service's history is left as it was")
			.containsExactly("0.1", "0.2", "1");
	}

	@Test
	void aNewDatabaseGetsThePlatformAndTheServiceMigrationsEachInItsOwnHistory() {
		DataSource dataSource = database("platform_fresh");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);

		migrate(dataSource);

		assertThat(platformVersions(jdbc)).containsExactly("0.1", "0.2", "0.3", "0.9");
		assertThat(jdbc.queryForList("select version from " + SERVICE_HISTORY
				+ " where success and type <> 'BASELINE' order by installed_rank", String.class))
			.containsExactly("1");
		assertThat(tableExists(jdbc, "applied")).isTrue();
	}

	/**
	 * As a service starts now: the platform's migrations (with a newer one), then its
	 * own.
	 */
	private void migrate(DataSource dataSource) {
		Flyway service = serviceFlyway(dataSource).load();
		this.platformWithANewerMigration.migrateBefore(service);
		service.migrate();
	}

	private static List<String> platformVersions(JdbcTemplate jdbc) {
		return jdbc.queryForList(
				"select version from " + PlatformMigrations.HISTORY_TABLE + " where success order by installed_rank",
				String.class);
	}

	/**
	 * As every service migrated before the split: the platform's first two migrations and
	 * then the service's own, all in the service's history.
	 */
	private static void migrateTheOldWay(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/platform")
			.target("0.2")
			.load()
			.migrate();
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.ignoreMigrationPatterns("*:missing")
			.load()
			.migrate();
	}

	/**
	 * The service's Flyway as Boot configures it from the platform's defaults.
	 */
	private static FluentConfiguration serviceFlyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.ignoreMigrationPatterns("*:missing")
			.baselineOnMigrate(true)
			.baselineVersion("0");
	}

	private static DataSource database(String name) {
		Database database = EmbeddedInfrastructure.get().database(name);
		return new DriverManagerDataSource(database.url(), database.username(), database.password());
	}

	private static boolean tableExists(JdbcTemplate jdbc, String table) {
		return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, table));
	}

}
