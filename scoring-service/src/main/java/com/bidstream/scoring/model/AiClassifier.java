package com.bidstream.scoring.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.ExperienceLevel;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;

/**
 * A small keyword-and-rule classifier of a listing's relation to AI, over its title,
 * description and skills (whole words, case-insensitive).
 * <ul>
 * <li>{@code aiWork}: the job is itself AI work (machine learning, LLMs, RAG, ...).</li>
 * <li>{@code HUMAN_CRITICAL}: business-critical or expert work (architecture, security,
 * compliance, production systems; not in a MICRO budget), or EXPERT level with a LARGE
 * budget.</li>
 * <li>{@code AUTOMATABLE}: small routine work AI tools now do (data entry, simple
 * copywriting, translation, transcription, a basic logo, simple scraping) in a MICRO or
 * SMALL budget, or with no budget below EXPERT level.</li>
 * <li>{@code AI_ASSISTED}: everything else: skilled work that AI tools speed up.</li>
 * </ul>
 */
final class AiClassifier {

	private static final Map<String, Pattern> AI_WORK = words("ai", "artificial intelligence", "machine learning", "ml",
			"deep learning", "llm", "gpt", "chatgpt", "openai", "rag", "retrieval-augmented", "computer vision", "nlp",
			"natural language processing", "data science", "data scientist", "neural network", "langchain", "pytorch",
			"tensorflow", "hugging face", "fine-tuning", "prompt engineering", "generative ai", "genai",
			"stable diffusion", "vector database", "embeddings");

	private static final Map<String, Pattern> ROUTINE = words("data entry", "copy paste", "copy and paste",
			"copywriting", "article writing", "blog post", "product descriptions", "translation", "translate",
			"transcription", "transcribe", "logo", "web scraping", "scraping", "scrape", "proofreading",
			"virtual assistant", "typing", "subtitles", "captions", "rewriting");

	private static final Map<String, Pattern> CRITICAL = words("architecture", "architect", "security",
			"penetration test", "pentest", "compliance", "hipaa", "soc 2", "gdpr", "pci", "production",
			"mission-critical", "business-critical", "high availability", "distributed systems", "infrastructure",
			"audit", "payments", "fintech", "healthcare");

	private AiClassifier() {
	}

	static Classification classify(Listing listing, BudgetBand band) {
		String text = String.join(" ", nonNull(listing.title()), nonNull(listing.description()),
				String.join(" ", listing.skills()));
		String lower = text.toLowerCase(Locale.ROOT);
		List<String> aiTerms = matches(text, lower, AI_WORK);
		List<String> critical = matches(text, lower, CRITICAL);
		List<String> routine = matches(text, lower, ROUTINE);
		ExperienceLevel level = listing.experienceLevel();
		if (!critical.isEmpty() && band != BudgetBand.MICRO) {
			return new Classification(!aiTerms.isEmpty(), aiTerms, AiExposure.HUMAN_CRITICAL,
					"business-critical or expert work: " + String.join(", ", critical));
		}
		if (level == ExperienceLevel.EXPERT && band == BudgetBand.LARGE) {
			return new Classification(!aiTerms.isEmpty(), aiTerms, AiExposure.HUMAN_CRITICAL,
					"expert-level work with a large budget");
		}
		boolean small = band == BudgetBand.MICRO || band == BudgetBand.SMALL
				|| (band == BudgetBand.UNKNOWN && level != ExperienceLevel.EXPERT);
		if (!routine.isEmpty() && small) {
			return new Classification(!aiTerms.isEmpty(), aiTerms, AiExposure.AUTOMATABLE,
					"small routine work AI tools now do: " + String.join(", ", routine));
		}
		return new Classification(!aiTerms.isEmpty(), aiTerms, AiExposure.AI_ASSISTED,
				"skilled work that AI tools speed up but do not replace");
	}

	/**
	 * The terms found in {@code text} as whole words. Most terms are absent from most
	 * listings: a plain search of the lower-cased text rules them out before the
	 * whole-word pattern runs (the patterns stood out in thread dumps of scoring under
	 * load).
	 */
	private static List<String> matches(String text, String lower, Map<String, Pattern> terms) {
		List<String> found = new ArrayList<>();
		terms.forEach((term, word) -> {
			if (lower.contains(term) && word.matcher(text).find()) {
				found.add(term);
			}
		});
		return found;
	}

	/**
	 * Each term as a whole word (or phrase), optionally plural, in any case.
	 */
	private static Map<String, Pattern> words(String... terms) {
		Map<String, Pattern> words = new LinkedHashMap<>();
		for (String term : terms) {
			words.put(term, Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(term) + "s?(?![\\p{Alnum}])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
		}
		return words;
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	/**
	 * The outcome: whether the job is AI work (and which terms say so), its exposure to
	 * AI, and why.
	 */
	record Classification(boolean aiWork, List<String> aiTerms, AiExposure exposure, String reason) {

	}

}
