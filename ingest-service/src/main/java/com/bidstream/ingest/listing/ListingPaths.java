package com.bidstream.ingest.listing;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import com.bidstream.contracts.Listing;

/**
 * The listing's fields by their dotted paths ({@code title}, {@code budget},
 * {@code budget.amount}), nested objects and their fields alike, from the contract's own
 * record, so that no field is left out or made up: the names a feed's mapping and an
 * import's CSV header may use.
 */
public final class ListingPaths {

	public static final Set<String> ALL = Collections.unmodifiableSet(paths(Listing.class, "", new TreeSet<>()));

	private ListingPaths() {
	}

	private static Set<String> paths(Class<?> type, String prefix, Set<String> paths) {
		for (RecordComponent component : type.getRecordComponents()) {
			String path = prefix + component.getName();
			paths.add(path);
			if (component.getType().isRecord()) {
				paths(component.getType(), path + ".", paths);
			}
		}
		return paths;
	}

}
