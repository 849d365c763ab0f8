package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.Budget;

/**
 * Who on the roster fits a listing, and {@code proofMatch} from the best fit. A listing
 * skill is <em>proven</em> when a freelancer's proof names it (or names the freelancer's
 * own skill that is the same: "Kafka" for "Apache Kafka"), <em>listed</em> when only
 * their skills do; proof counts twice. {@code fit = (2 x proven + listed) / (2 x the
 * listing's skills)}. A listing without skills is matched by the freelancers' skills its
 * title and description name: 0.25 for one, 0.15 more for each other, at most 0.6 (a
 * weaker reading). Inactive freelancers, and those of capacity 0, are left out.
 * <p>
 * The roster's terms weigh too. On an hourly job whose rate tops out below a freelancer's
 * {@code hourlyRate}, their fit is scaled by the job's rate over theirs, with the reason.
 * A freelancer who holds {@code capacity} open pursuits or more is full: never offered as
 * a match, except for a listing they hold. {@code proofMatch} is the best fit among those
 * with room, or half the best full fit when that is more (the agency has the skill but
 * not the hands now), saying who is full.
 */
final class RosterMatch {

	/** At most this many matches are kept per listing. */
	static final int MAX_MATCHES = 3;

	/** A fit below this is no match. */
	static final double MIN_FIT = 0.25;

	private RosterMatch() {
	}

	/** What a fit is worth when only full freelancers fit. */
	static final double FULL_FACTOR = 0.5;

	private static final Comparator<Match> BEST_FIRST = Comparator.comparingDouble(Match::fit)
		.reversed()
		.thenComparing(Match::freelancerId);

	/**
	 * Who fits a listing: {@code matches}, the best (at most {@value #MAX_MATCHES}) of
	 * those with room, their fits rounded; {@code best}, the best of them unrounded (or
	 * null); and {@code full}, the best fit among those without room, unrounded (or
	 * null), with the freelancer it belongs to.
	 */
	record Fits(List<Match> matches, Match best, Match full, Freelancer fullFreelancer) {

	}

	static List<Match> matches(Listing listing, List<Freelancer> roster) {
		return fits(listing, roster).matches();
	}

	/**
	 * Fits are computed unrounded and rounded once, for what is shown. A freelancer has
	 * room for a listing they hold already, so their own pursuit never counts against
	 * them on its listing.
	 */
	static Fits fits(Listing listing, List<Freelancer> roster) {
		List<String> skills = skills(listing);
		String text = text(listing);
		BigDecimal jobRate = jobRate(listing);
		String jobKey = listing.jobKey();
		List<Match> withRoom = new ArrayList<>();
		Match full = null;
		Freelancer fullFreelancer = null;
		for (Freelancer freelancer : roster) {
			if (!freelancer.takesWork()) {
				continue;
			}
			Match match = skills.isEmpty() ? byText(freelancer, text) : bySkills(freelancer, skills);
			if (match == null) {
				continue;
			}
			match = priced(match, freelancer, jobRate);
			if (round(match.fit()) < MIN_FIT) {
				continue;
			}
			if (freelancer.hasRoomFor(jobKey)) {
				withRoom.add(match);
			}
			else if (full == null || BEST_FIRST.compare(match, full) < 0) {
				full = match;
				fullFreelancer = freelancer;
			}
		}
		withRoom.sort(BEST_FIRST);
		List<Match> matches = withRoom.stream()
			.limit(MAX_MATCHES)
			.map((match) -> new Match(match.freelancerId(), round(match.fit()), match.reasons()))
			.toList();
		return new Fits(matches, withRoom.isEmpty() ? null : withRoom.get(0), full, fullFreelancer);
	}

	/**
	 * The best fit of a freelancer with room, or half the best full one's when that is
	 * more (so a freelancer filling up with other work never raises it); a neutral 0.5
	 * while no freelancer on the roster takes work.
	 */
	static Reading proofMatch(Fits fits, List<Freelancer> roster) {
		if (roster.stream().noneMatch(Freelancer::takesWork)) {
			return new Reading(0.5,
					roster.isEmpty() ? "no freelancer roster yet"
							: roster.stream().noneMatch(Freelancer::active) ? "no active freelancer on the roster"
									: "no freelancer on the roster takes pursuits (capacity 0)");
		}
		Match best = fits.best();
		Match full = fits.full();
		if (full != null && (best == null || full.fit() * FULL_FACTOR > best.fit())) {
			Freelancer busy = fits.fullFreelancer();
			return new Reading(round(full.fit() * FULL_FACTOR),
					full.freelancerId() + " fits (" + String.join("; ", full.reasons()) + ") but holds "
							+ busy.openPursuits() + " open pursuit" + ((busy.openPursuits() == 1) ? "" : "s")
							+ " of a capacity of " + busy.capacity());
		}
		if (best != null) {
			return new Reading(round(best.fit()), best.freelancerId() + ": " + String.join("; ", best.reasons()));
		}
		return new Reading(0.0, "nobody on the roster has these skills");
	}

	/**
	 * The most an hourly job pays an hour (the top of its range), or null for a fixed
	 * budget, none, or a range open at the top.
	 */
	private static BigDecimal jobRate(Listing listing) {
		Budget budget = listing.budget();
		if (budget == null || !ContractValue.isHourly(budget)) {
			return null;
		}
		return (budget.max() != null && budget.max().signum() > 0) ? budget.max() : null;
	}

	/**
	 * A freelancer who asks more an hour than the job pays fits less: their fit times the
	 * job's rate over theirs.
	 */
	private static Match priced(Match match, Freelancer freelancer, BigDecimal jobRate) {
		BigDecimal asks = freelancer.hourlyRate();
		if (jobRate == null || asks == null || asks.compareTo(jobRate) <= 0) {
			return match;
		}
		List<String> reasons = new ArrayList<>(match.reasons());
		reasons.add("asks $" + asks.stripTrailingZeros().toPlainString() + "/h, the job pays up to $"
				+ jobRate.stripTrailingZeros().toPlainString() + "/h");
		return new Match(match.freelancerId(), match.fit() * jobRate.doubleValue() / asks.doubleValue(), reasons);
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
		return new Match(freelancer.id(), fit, reasons);
	}

	private static Match byText(Freelancer freelancer, String text) {
		List<String> named = freelancer.skills()
			.stream()
			.filter((skill) -> names(text, skill.toLowerCase(Locale.ROOT)))
			.toList();
		if (named.isEmpty()) {
			return null;
		}
		return new Match(freelancer.id(), Math.min(0.6, 0.25 + 0.15 * (named.size() - 1)),
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
