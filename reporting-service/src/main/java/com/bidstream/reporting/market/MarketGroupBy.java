package com.bidstream.reporting.market;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the market report's rows are grouped by, named as the {@code groupBy} parameter,
 * with the SQL that names each listing's group (over {@code market_listings m}). A
 * listing without a value falls in the group {@code unknown}; with {@code skill}, a
 * listing counts once in each of its skills' groups, or in {@code unknown} without
 * skills.
 */
enum MarketGroupBy {

	CATEGORY("category", "market_listings m", "coalesce(nullif(btrim(m.category), ''), 'unknown')"),

	SKILL("skill", """
			market_listings m
			cross join lateral unnest(case when cardinality(m.skills) = 0 then array['unknown'] else m.skills end)
			     as s(skill)""", "s.skill"),

	SEGMENT("segment", "market_listings m", "coalesce(nullif(btrim(m.segment), ''), 'unknown')");

	static final String PARAMETERS = "category, skill, segment";

	private final String parameter;

	private final String source;

	private final String group;

	MarketGroupBy(String parameter, String source, String group) {
		this.parameter = parameter;
		this.source = source;
		this.group = group;
	}

	static Optional<MarketGroupBy> fromParameter(String value) {
		return Arrays.stream(values()).filter((groupBy) -> groupBy.parameter.equals(value)).findFirst();
	}

	String parameter() {
		return this.parameter;
	}

	/**
	 * The rows to aggregate: one per listing, or per listing and skill.
	 */
	String source() {
		return this.source;
	}

	/**
	 * The expression naming a row's group.
	 */
	String group() {
		return this.group;
	}

}
