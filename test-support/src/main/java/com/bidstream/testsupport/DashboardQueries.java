package com.bidstream.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names the provisioned Grafana dashboard queries: every {@code expr} of the
 * dashboard JSON, read as PromQL with its strings, label matchers, ranges, Grafana
 * variables, grouping clauses, functions and keywords taken out. Names are kept as
 * written ({@code _bucket}, {@code _count}, {@code _sum}, {@code _total} included), since
 * that is the sample name Prometheus must hold.
 */
public final class DashboardQueries {

	/**
	 * The dashboard, from the module's directory, where the build runs its tests.
	 */
	public static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "bidstream.json");

	private static final Pattern NAME = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan", "atan2");

	private DashboardQueries() {
	}

	static List<String> expressions(Path dashboard) {
		try {
			return JsonMapper.builder().build().readTree(Files.readString(dashboard)).findValuesAsString("expr");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + dashboard, ex);
		}
	}

	public static Set<String> metrics(Path dashboard) {
		Set<String> names = new TreeSet<>();
		expressions(dashboard).forEach((expr) -> names.addAll(metrics(expr)));
		return names;
	}

	public static Set<String> metrics(String expr) {
		String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\$\\{[^}]*}|\\$\\w+", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new TreeSet<>();
		Matcher matcher = NAME.matcher(bare);
		while (matcher.find()) {
			String name = matcher.group(1);
			boolean function = matcher.group(2) != null;
			if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * The sample names of a Prometheus text exposition.
	 */
	public static Set<String> sampleNames(String exposition) {
		Set<String> names = new TreeSet<>();
		exposition.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> line.split("[{ ]", 2)[0])
			.forEach(names::add);
		return names;
	}

}
