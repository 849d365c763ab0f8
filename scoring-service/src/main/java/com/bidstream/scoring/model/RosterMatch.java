package com.bidstream.scoring.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.bidstream.contracts.Listing;

/**
 * Who on the roster fits a listing, and {@code proofMatch} from the best fit. A listing
 * skill is <em>proven</em> when a freelancer's proof names it (or names the freelancer's
 * own skill that is the same: "Kafka" for "Apache Kafka"), <em>listed</em> when only
 * their skills do; proof counts twice. {@code fit = (2 x proven + listed) / (2 x the
 * listing's skills)}. A listing without skills is matched by the freelancers' skills its
 * title and description name: 0.25 for one, 0.15 more for each other, at most 0.6 (a
 * weaker reading). Inactive freelancers are left out. Capacity is not weighed: scoring
 * does not know how many pursuits a freelancer holds.
 */
final class RosterMatch {

	/** At most this many matches are kept per listing. */
	static final int MAX_MATCHES = 3;

	/** A fit below this is no match. */
	static final double MIN_FIT = 0.25;

	private RosterMatch() {
	}

	static List<Match> matches(Listing listing, List<Freelancer> roster) {
		List<String> skills = skills(listing);
		String text = text(listing);
		List<Match> matches = new ArrayList<>();
		for (Freelancer freelancer : roster) {
			if (!freelancer.active()) {
				continue;
			}
			Match match = skills.isEmpty() ? byText(freelancer, text) : bySkills(freelancer, skills);
			if (match != null && match.fit() >= MIN_FIT) {
				matches.add(match);
			}
		}
		matches.sort(Comparator.comparingDouble(Match::fit).reversed().thenComparing(Match::freelancerId));
		return List.copyOf(matches.subList(0, Math.min(MAX_MATCHES, matches.size())));
	}

	/**
	 * The best fit, or a neutral 0.5 while the agency has no active freelancer.
	 */
	static Reading proofMatch(List<Match> matches, List<Freelancer> roster) {
		if (roster.stream().noneMatch(Freelancer::active)) {
			return new Reading(0.5,
					roster.isEmpty() ? "no freelancer roster yet" : "no active freelancer on the roster");
		}
		if (matches.isEmpty()) {
			return new Reading(0.0, "nobody on the roster has these skills");
		}
		Match best = matches.get(0);
		return new Reading(best.fit(), best.freelancerId() + ": " + String.join("; ", best.reasons()));
	}

	private static Match bySkills(Freelancer freelancer, List<String> skills) {
		List<String> proven = new ArrayList<>();
		List<String> listed = new ArrayList<>();
		String proof = String.join(" \n ", freelancer.proof()).toLowerCase(Locale.ROOT);
		for (String skill : skills) {
			String wanted = skill.toLowerCase(Locale.ROOT);
			List<String> own = freelancer.skills()
				.stream()
				.map((mine) -> mine.strip().toLowerCase(Locale.ROOT))
				.filter((mine) -> same(mine, wanted))
				.toList();
			// proven when the proof names the skill, or the freelancer's own name for it
			// ("Kafka pipeline for a fintech" proves "Apache Kafka" to one who lists
			// Kafka)
			if (names(proof, wanted) || own.stream().anyMatch((mine) -> names(proof, mine))) {
				proven.add(skill);
			}
			else if (!own.isEmpty()) {
				listed.add(skill);
			}
		}
		if (proven.isEmpty() && listed.isEmpty()) {
			return null;
		}
		double fit = Math.min(1.0, (2.0 * proven.size() + listed.size()) / (2.0 * skills.size()));
		List<String> reasons = new ArrayList<>();
		if (!proven.isEmpty()) {
			reasons.add("proven: " + String.join(", ", proven));
		}
		if (!listed.isEmpty()) {
			reasons.add("lists: " + String.join(", ", listed));
		}
		return new Match(freelancer.id(), round(fit), reasons);
	}

	private static Match byText(Freelancer freelancer, String text) {
		List<String> named = freelancer.skills()
			.stream()
			.filter((skill) -> names(text, skill.toLowerCase(Locale.ROOT)))
			.toList();
		if (named.isEmpty()) {
			return null;
		}
		return new Match(freelancer.id(), round(Math.min(0.6, 0.25 + 0.15 * (named.size() - 1))),
				List.of("the job names: " + String.join(", ", named)));
	}

	private static List<String> skills(Listing listing) {
		Set<String> skills = new LinkedHashSet<>();
		if (listing.skills() != null) {
			listing.skills()
				.stream()
				.filter((skill) -> skill != null && !skill.isBlank())
				.map(String::strip)
				.forEach(skills::add);
		}
		return List.copyOf(skills);
	}

	private static String text(Listing listing) {
		String title = (listing.title() != null) ? listing.title() : "";
		String description = (listing.description() != null) ? listing.description() : "";
		return (title + " \n " + description).toLowerCase(Locale.ROOT);
	}

	/**
	 * Equal, ignoring case, or one names the other as whole words ("Kafka", "Apache
	 * Kafka").
	 */
	private static boolean same(String own, String wanted) {
		String mine = own.strip().toLowerCase(Locale.ROOT);
		return mine.equals(wanted) || names(mine, wanted) || names(wanted, mine);
	}

	/** Whether {@code text} holds {@code term} as whole words. */
	static boolean names(String text, String term) {
		if (term.isEmpty()) {
			return false;
		}
		for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
			int end = at + term.length();
			boolean startsWord = at == 0 || !inWord(text.charAt(at - 1));
			boolean endsWord = end == text.length() || !inWord(text.charAt(end));
			if (startsWord && endsWord) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Letters, digits, and the '#' and '+' of C#, C++ and F#: "C" is not named in "C#".
	 */
	private static boolean inWord(char c) {
		return Character.isLetterOrDigit(c) || c == '#' || c == '+';
	}

	private static double round(double fit) {
		return Math.round(fit * 100) / 100.0;
	}

}
