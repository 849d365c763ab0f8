package com.bidstream.platform.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits a batch into rounds in which each key occurs once, in the batch's order: the
 * first occurrence of every key, then the second, and so on. One set-based statement may
 * touch a row only once ({@code on conflict do update}), so each round is one statement;
 * applying the rounds in order has the effect of applying the rows one by one, and every
 * row reaches the database (a row that would fail still fails, even when a later one of
 * its key follows). Usually there is a single round.
 */
public final class KeyRounds {

	private KeyRounds() {
	}

	public static <T> List<List<T>> of(List<T> rows, Function<T, ?> key) {
		List<List<T>> rounds = new ArrayList<>();
		Map<Object, Integer> seen = new HashMap<>();
		for (T row : rows) {
			int round = seen.merge(key.apply(row), 1, Integer::sum) - 1;
			if (round == rounds.size()) {
				rounds.add(new ArrayList<>());
			}
			rounds.get(round).add(row);
		}
		return rounds;
	}

}
