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

	CATEGORY("category", "", "coalesce(nullif(btrim(m.category), ''), 'unknown')"),

	SKILL("skill", """
			cross join lateral unnest(case when cardinality(m.skills) = 0 then array['unknown'] else m.skills end)
			     as s(skill)""", "s.skill"),

	SEGMENT("segment", "", "coalesce(nullif(btrim(m.segment), ''), 'unknown')");

	static final String PARAMETERS = "category, skill, segment";

	private final String parameter;

	private final String lateral;

	private final String group;

	MarketGroupBy(String parameter, String lateral, String group) {
		this.parameter = parameter;
		this.lateral = lateral;
		this.group = group;
	}

	static Optional<MarketGroupBy> fromParameter(String value) {
		return Arrays.stream(values()).filter((groupBy) -> groupBy.parameter.equals(value)).findFirst();
	}

	String parameter() {
		return this.parameter;
	}

	/**
	 * What joins a listing ({@code market_listings m}) to the rows to aggregate: nothing
	 * for one row per listing, its skills for one per listing and skill.
	 */
	String lateral() {
		return this.lateral;
	}

	/**
	 * The expression naming a row's group.
	 */
	String group() {
		return this.group;
	}

}
