package com.bidstream.platform.schema;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrates the platform's tables with their own history table ({@value #HISTORY_TABLE}),
 * in the service's database and schema, before the service's own migrations. Sharing the
 * service's history meant that a platform migration added after a service's {@code V2}
 * was refused as out of order.
 * <p>
 * A database from before this split has the platform's migrations recorded in the
 * service's history: the platform history is then baselined at the last of them, so
 * nothing is applied twice and the newer ones are applied on top. The service's Flyway
 * ignores those old rows ({@code spring.flyway.ignore-migration-patterns=*:missing}).
 */
public class PlatformMigrations {

	public static final String HISTORY_TABLE = "flyway_platform_history";

	private static final Logger log = LoggerFactory.getLogger(PlatformMigrations.class);

	private final List<String> locations;

	public PlatformMigrations(List<String> locations) {
		this.locations = List.copyOf(locations);
	}

	/**
	 * Brings the platform's tables up to date in the database the service's Flyway
	 * migrates, next to its history table.
	 */
	public void migrateBefore(Flyway service) {
		Configuration serviceConfig = service.getConfiguration();
		JdbcTemplate jdbc = new JdbcTemplate(serviceConfig.getDataSource());
		String schema = jdbc.queryForObject("select coalesce(?, current_schema())", String.class,
				schemaOf(serviceConfig));
		FluentConfiguration platform = configure(serviceConfig.getDataSource(), schema);
		if (!tableExists(jdbc, schema, HISTORY_TABLE) && tableExists(jdbc, schema, serviceConfig.getTable())) {
			MigrationVersion applied = lastRecordedIn(jdbc, schema, serviceConfig.getTable(), platform.load());
			if (applied != null) {
				log.info("Platform migrations up to {} are recorded in {}; baselining {} there", applied,
						serviceConfig.getTable(), HISTORY_TABLE);
				platform.baselineVersion(applied)
					.baselineDescription("platform migrations recorded in " + serviceConfig.getTable())
					.load()
					.baseline();
			}
		}
		platform.load().migrate();
	}

	private FluentConfiguration configure(DataSource dataSource, String schema) {
		// baseline 0: a schema the service migrated without platform tables gets them all
		return Flyway.configure(getClass().getClassLoader())
			.dataSource(dataSource)
			.schemas(schema)
			.defaultSchema(schema)
			.createSchemas(false)
			.locations(this.locations.toArray(String[]::new))
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0");
	}

	private static String schemaOf(Configuration config) {
		if (config.getDefaultSchema() != null) {
			return config.getDefaultSchema();
		}
		return (config.getSchemas().length > 0) ? config.getSchemas()[0] : null;
	}

	/**
	 * The highest platform migration that the service's history records as applied,
	 * matched by script name, or null.
	 */
	private static MigrationVersion lastRecordedIn(JdbcTemplate jdbc, String schema, String table, Flyway platform) {
		Set<String> recorded = jdbc
			.queryForList("select script from " + qualified(jdbc, schema, table) + " where success", String.class)
			.stream()
			.collect(Collectors.toSet());
		MigrationVersion last = null;
		for (MigrationInfo migration : platform.info().all()) {
			if (migration.getVersion() != null && recorded.contains(migration.getScript())
					&& (last == null || migration.getVersion().isNewerThan(last))) {
				last = migration.getVersion();
			}
		}
		return last;
	}

	private static boolean tableExists(JdbcTemplate jdbc, String schema, String table) {
		return Boolean.TRUE
			.equals(jdbc.queryForObject("select to_regclass(quote_ident(?) || '.' || quote_ident(?)) is not null",
					Boolean.class, schema, table));
	}

	private static String qualified(JdbcTemplate jdbc, String schema, String table) {
		return jdbc.queryForObject("select quote_ident(?) || '.' || quote_ident(?)", String.class, schema, table);
	}

}
