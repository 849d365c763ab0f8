package com.bidstream.ingest.listing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.BudgetType;
import com.bidstream.contracts.Listing.ClosedResult;
import com.bidstream.contracts.Listing.ExperienceLevel;

import static org.assertj.core.api.Assertions.assertThat;

class ListingValidatorTests {

	static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	final ListingValidator validator = new ListingValidator(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsTheContractExampleWithEveryField() {
		Validation validation = this.validator.validate(Listings.example());

		assertThat(validation.errors()).isEmpty();
		Listing listing = validation.listing();
		assertThat(listing.jobKey()).isEqualTo("upwork:~021234567890");
		assertThat(listing.postedAt()).isEqualTo(Instant.parse("2026-11-22T09:15:00Z"));
		assertThat(listing.skills()).containsExactly("Java", "Spring Boot", "Apache Kafka");
		assertThat(listing.budget().type()).isEqualTo(BudgetType.FIXED);
		assertThat(listing.budget().amount()).isEqualByComparingTo("4000");
		assertThat(listing.budget().currency()).isEqualTo("USD");
		assertThat(listing.experienceLevel()).isEqualTo(ExperienceLevel.EXPERT);
		assertThat(listing.proposals()).isEqualTo(12);
		assertThat(listing.connectsRequired()).isEqualTo(16);
		assertThat(listing.client().paymentVerified()).isTrue();
		assertThat(listing.client().rating()).isEqualByComparingTo("4.9");
		assertThat(listing.client().memberSince()).isEqualTo(LocalDate.of(2018, 5, 1));
		assertThat(listing.closed().result()).isEqualTo(ClosedResult.HIRED);
		assertThat(listing.closed().at()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
	}

	@Test
	void acceptsTheRequiredFieldsAloneAndIgnoresUnknownFields() {
		Validation validation = this.validator.validate(Listings.json("""
				{"source": "rss-1", "externalId": "a.b_c~d:e-f", "title": "T",
				 "postedAt": "2026-11-22T11:15:00+02:00", "somethingNew": {"x": 1}}"""));

		assertThat(validation.errors()).isEmpty();
		assertThat(validation.listing().postedAt()).isEqualTo(Instant.parse("2026-11-22T09:15:00Z"));
		assertThat(validation.listing().skills()).isEmpty();
		assertThat(validation.listing().budget()).isNull();
	}

	@Test
	void aUrlIsAnAbsoluteHttpOrHttpsLinkAndNothingElse() {
		for (String good : new String[] { "https://www.upwork.com/jobs/~021234567890", "HTTP://example.com",
				"https://example.com:8443/a?b=c#d" }) {
			assertThat(this.validator.validate(Listings.example().put("url", good)).errors()).as(good).isEmpty();
		}
		for (String bad : new String[] { "javascript:alert(document.cookie)", "data:text/html,<script>x</script>",
				"/jobs/1", "www.upwork.com/jobs/1", "https://", "https://user@evil.example/", "ftp://example.com/x",
				"https://example.com/a b", " https://example.com", "https://x\"onmouseover=alert(1)//", "https://:80",
				"https://example.com/\u00a0x", "https://example.com/\u2028", "https://ex<ample.com/" }) {
			assertThat(this.validator.validate(Listings.example().put("url", bad)).errors()).as(bad)
				.containsExactly(new Violation("url",
						"must be an http or https URL, such as https://www.upwork.com/jobs/~01abc"));
		}
	}

	@Test
	void reportsEveryMissingRequiredFieldAtOnce() {
		Validation validation = this.validator.validate(Listings.json("{\"title\": null}"));

		assertThat(validation.isValid()).isFalse();
		assertThat(validation.errors()).extracting(Violation::field)
			.containsExactlyInAnyOrder("source", "externalId", "title", "postedAt");
		assertThat(validation.errors()).extracting(Violation::message).containsOnly("is required");
	}

	@Test
	void rejectsAnItemThatIsNotAnObject() {
		assertThat(this.validator.validate(Listings.json("{}").numberNode(3)).errors())
			.containsExactly(new Violation("$", "must be a listing object"));
	}

	@Test
	void rejectsSourceAndExternalIdOutsideTheirPatterns() {
		assertThat(fieldsOf(with("source", "Upwork"))).containsExactly("source");
		assertThat(fieldsOf(with("source", "-upwork"))).containsExactly("source");
		assertThat(fieldsOf(with("source", "a".repeat(33)))).containsExactly("source");
		assertThat(fieldsOf(with("source", "a".repeat(32)))).isEmpty();
		assertThat(fieldsOf(with("externalId", "has space"))).containsExactly("externalId");
		assertThat(fieldsOf(with("externalId", "x".repeat(129)))).containsExactly("externalId");
		assertThat(fieldsOf(with("externalId", "x".repeat(128)))).isEmpty();
	}

	@Test
	void rejectsABlankOrTooLongTitle() {
		assertThat(fieldsOf(with("title", ""))).containsExactly("title");
		assertThat(fieldsOf(with("title", "   "))).containsExactly("title");
		assertThat(fieldsOf(with("title", "\u200b\u200b"))).as("zero-width spaces").containsExactly("title");
		assertThat(fieldsOf(with("title", "\u00a0\u2060\ufeff\u200e\u3000"))).containsExactly("title");
		assertThat(fieldsOf(with("title", "\u200bx"))).isEmpty();
		assertThat(fieldsOf(with("title", "t".repeat(301)))).containsExactly("title");
		assertThat(fieldsOf(with("title", "t".repeat(300)))).isEmpty();
	}

	@Test
	void rejectsPostedAtWithoutAnOffsetOrMoreThanADayAhead() {
		assertThat(fieldsOf(with("postedAt", "2026-11-22T09:15:00"))).containsExactly("postedAt");
		assertThat(fieldsOf(with("postedAt", "2026-11-22"))).containsExactly("postedAt");
		assertThat(fieldsOf(with("postedAt", "2026-11-23T12:00:01Z"))).containsExactly("postedAt");
		assertThat(fieldsOf(with("postedAt", "2026-11-23T12:00:00Z"))).isEmpty();
		assertThat(this.validator.validate(with("postedAt", "2026-11-24T00:00:00Z")).errors())
			.containsExactly(new Violation("postedAt", "must be at most 1 day in the future"));
	}

	@Test
	void rejectsADescriptionOver50000Characters() {
		assertThat(fieldsOf(with("description", "d".repeat(50_001)))).containsExactly("description");
		assertThat(fieldsOf(with("description", "d".repeat(50_000)))).isEmpty();
	}

	@Test
	void rejectsTooManySkillsAndBadSkillsByTheirIndex() {
		ObjectNode tooMany = Listings.example();
		ArrayNode skills = tooMany.putArray("skills");
		for (int i = 0; i < 101; i++) {
			skills.add("skill " + i);
		}
		ObjectNode bad = Listings.example();
		bad.putArray("skills").add("Java").add("").add("s".repeat(101)).add(7);

		assertThat(fieldsOf(tooMany)).containsExactly("skills");
		assertThat(fieldsOf(bad)).containsExactly("skills[1]", "skills[2]", "skills[3]");
		assertThat(fieldsOf(with("skills", "Java"))).containsExactly("skills");
	}

	@Test
	void rejectsAmountsOutsideTheRangeAndMinAboveMax() {
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"amount\": -1}"))).containsExactly("budget.amount");
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"amount\": 10000000.01}"))).containsExactly("budget.amount");
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"amount\": 1e-999999999}")))
			.as("in range, but no column downstream can hold its decimals")
			.containsExactly("budget.amount");
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"amount\": 4000.1250}"))).isEmpty();
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"amount\": 10000000}"))).isEmpty();
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"amount\": 0}"))).isEmpty();
		assertThat(fieldsOf(budget("{\"type\": \"HOURLY\", \"min\": 80, \"max\": 40}"))).containsExactly("budget.min");
		assertThat(fieldsOf(budget("{\"type\": \"HOURLY\", \"min\": 40, \"max\": 40}"))).isEmpty();
		assertThat(fieldsOf(budget("{\"type\": \"HOURLY\", \"max\": -5}"))).containsExactly("budget.max");
	}

	@Test
	void aBudgetNeedsItsTypeButNotItsAmounts() {
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"currency\": \"USD\"}"))).isEmpty();
		assertThat(fieldsOf(budget("{\"type\": \"HOURLY\", \"currency\": \"USD\"}"))).as("an hourly job without a rate")
			.isEmpty();
		assertThat(fieldsOf(budget("{\"type\": \"HOURLY\", \"max\": 80}"))).isEmpty();
		assertThat(fieldsOf(budget("{\"amount\": 80}"))).containsExactly("budget.type");
		assertThat(fieldsOf(budget("{\"type\": \"MONTHLY\", \"amount\": 80}"))).containsExactly("budget.type");
	}

	@Test
	void acceptsOnlyIso4217CurrencyCodes() {
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"amount\": 1, \"currency\": \"XYZ\"}")))
			.containsExactly("budget.currency");
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"amount\": 1, \"currency\": \"usd\"}")))
			.containsExactly("budget.currency");
		assertThat(fieldsOf(budget("{\"type\": \"FIXED\", \"amount\": 1, \"currency\": \"EUR\"}"))).isEmpty();
	}

	@Test
	void rejectsARatingOutside0To5AndNegativeOrFractionalCounts() {
		ObjectNode listing = Listings.example();
		listing.put("proposals", -1).put("connectsRequired", 2.5);
		((ObjectNode) listing.get("client")).put("rating", 5.1).put("totalHires", -3).put("reviews", 1e12);

		assertThat(fieldsOf(listing)).containsExactlyInAnyOrder("proposals", "connectsRequired", "client.rating",
				"client.totalHires", "client.reviews");
		assertThat(fieldsOf(with("proposals", 0))).isEmpty();
	}

	@Test
	void rejectsValuesOutsideTheEnums() {
		ObjectNode listing = with("experienceLevel", "expert");
		listing.putObject("closed").put("result", "WON");

		assertThat(fieldsOf(listing)).containsExactlyInAnyOrder("experienceLevel", "closed.result");
		assertThat(fieldsOf(with("closed", Listings.json("{\"at\": \"2026-12-01T10:00:00Z\"}"))))
			.containsExactly("closed.result");
	}

	@Test
	void rejectsBadDatesAndInstants() {
		ObjectNode listing = Listings.example();
		((ObjectNode) listing.get("client")).put("memberSince", "2018-13-01");
		((ObjectNode) listing.get("closed")).put("at", "yesterday");

		assertThat(fieldsOf(listing)).containsExactlyInAnyOrder("client.memberSince", "closed.at");
	}

	/**
	 * Java reads years before 1 and after 9999, which no database downstream takes: a
	 * listing accepted with one was dead-lettered by reporting, so never counted.
	 */
	@Test
	void rejectsInstantsOutsideTheYears1970To9999AndDatesOutside1To9999() {
		assertThat(this.validator.validate(with("postedAt", "-000001-01-01T00:00:00Z")).errors())
			.containsExactly(new Violation("postedAt", "must be in the years 1970 to 9999 (UTC)"));
		assertThat(fieldsOf(with("postedAt", "1969-12-31T23:59:59Z"))).containsExactly("postedAt");
		assertThat(fieldsOf(with("postedAt", "1970-01-01T00:00:00Z"))).isEmpty();
		ObjectNode listing = Listings.example();
		((ObjectNode) listing.get("client")).put("memberSince", "+999999999-12-31");
		((ObjectNode) listing.get("closed")).put("at", "+10000-01-01T00:00:00Z");

		assertThat(fieldsOf(listing)).containsExactlyInAnyOrder("client.memberSince", "closed.at");
		((ObjectNode) listing.get("client")).put("memberSince", "1900-01-01");
		((ObjectNode) listing.get("closed")).put("at", "9999-12-31T23:59:59Z");
		assertThat(fieldsOf(listing)).as("a date before 1970 is often a placeholder; it is stored").isEmpty();
		((ObjectNode) listing.get("client")).put("memberSince", "-0001-12-31");
		assertThat(this.validator.validate(listing).errors())
			.containsExactly(new Violation("client.memberSince", "must be in the years 1 to 9999"));
	}

	@Test
	void aValueOfTheWrongJsonTypeIsAFieldErrorNamingItsPath() {
		ObjectNode listing = Listings.example();
		listing.put("proposals", "abc").put("title", 42).put("url", true);
		((ObjectNode) listing.get("budget")).put("amount", "4000");
		((ObjectNode) listing.get("client")).put("rating", "high").put("paymentVerified", "yes");
		listing.putArray("skills").add("Java").add("Kafka").add("Spring").add(12);

		Validation validation = this.validator.validate(listing);

		assertThat(validation.errors()).extracting(Violation::field)
			.containsExactlyInAnyOrder("proposals", "title", "url", "budget.amount", "client.rating",
					"client.paymentVerified", "skills[3]");
		assertThat(validation.errors()).contains(new Violation("proposals", "must be a whole number"),
				new Violation("budget.amount", "must be a number"), new Violation("title", "must be a string"),
				new Violation("skills[3]", "must be a string"));
		assertThat(fieldsOf(with("client", "acme"))).containsExactly("client");
		assertThat(fieldsOf(with("budget", Listings.json("{}").arrayNode()))).containsExactly("budget");
	}

	@Test
	void rejectsFreeTextOverItsLimitNamingThePath() {
		ObjectNode tooLong = Listings.example();
		tooLong.put("url", "u".repeat(2_049))
			.put("category", "c".repeat(201))
			.put("duration", "d".repeat(201))
			.put("workload", "w".repeat(201));
		((ObjectNode) tooLong.get("client")).put("country", "c".repeat(101)).put("companySize", "s".repeat(201));
		ObjectNode atTheLimit = Listings.example();
		atTheLimit.put("url", "https://example.com/" + "u".repeat(2_048 - "https://example.com/".length()))
			.put("category", "c".repeat(200))
			.put("duration", "d".repeat(200))
			.put("workload", "w".repeat(200));
		((ObjectNode) atTheLimit.get("client")).put("country", "c".repeat(100)).put("companySize", "s".repeat(200));

		Validation validation = this.validator.validate(tooLong);

		assertThat(validation.errors()).extracting(Violation::field)
			.containsExactlyInAnyOrder("url", "category", "duration", "workload", "client.country",
					"client.companySize");
		assertThat(validation.errors()).contains(new Violation("url", "must be at most 2048 characters"),
				new Violation("client.country", "must be at most 100 characters"));
		assertThat(fieldsOf(atTheLimit)).isEmpty();
	}

	@Test
	void rejectsAListingWhoseEncodingExceedsTheLimitSoThatItsEventFitsTheBroker() {
		ListingValidator small = new ListingValidator(Clock.fixed(NOW, ZoneOffset.UTC), 2_000);

		Validation tooLarge = small.validate(with("description", "d".repeat(2_000)));

		assertThat(tooLarge.isValid()).isFalse();
		assertThat(tooLarge.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("$");
			assertThat(error.message()).contains("2000 bytes");
		});
		assertThat(small.validate(Listings.example()).errors()).isEmpty();
		assertThat(ListingValidator.MAX_ENCODED_BYTES).isEqualTo(512 * 1024);
	}

	@Test
	void rejectsANulCharacterInEveryTextFieldNamingThePath() {
		ObjectNode listing = Listings.example();
		for (String field : new String[] { "source", "externalId", "url", "title", "description", "postedAt",
				"category", "experienceLevel", "duration", "workload" }) {
			listing.put(field, "a\u0000b");
		}
		((ObjectNode) listing.get("budget")).put("currency", "US\u0000");
		((ObjectNode) listing.get("client")).put("country", "U\u0000S").put("companySize", "\u0000");
		listing.putArray("skills").add("Java").add("Ka\u0000fka");

		Validation validation = this.validator.validate(listing);

		assertThat(validation.errors()).extracting(Violation::field)
			.containsExactlyInAnyOrder("source", "externalId", "url", "title", "description", "postedAt", "category",
					"experienceLevel", "duration", "workload", "budget.currency", "client.country",
					"client.companySize", "skills[1]");
		assertThat(validation.errors()).extracting(Violation::message).containsOnly("contains a NUL character");
	}

	@Test
	void rejectsControlCharactersOtherThanLineBreaksAndTabsInEveryTextNamingThePath() {
		ObjectNode listing = Listings.example();
		listing.put("title", "Kafka \u0007 pipeline")
			.put("description", "escape \u001b[31m red")
			.put("category", "DEL \u007f")
			.put("duration", "C1 \u0085")
			.put("workload", "\u009b2J");
		((ObjectNode) listing.get("client")).put("companySize", "\u0008");
		listing.putArray("skills").add("Java").add("Kaf\u0000\u0007ka").add("Ka\u0001fka");

		Validation validation = this.validator.validate(listing);

		assertThat(validation.errors()).extracting(Violation::field)
			.containsExactlyInAnyOrder("title", "description", "category", "duration", "workload", "client.companySize",
					"skills[1]", "skills[2]");
		assertThat(validation.errors()).filteredOn((error) -> !error.field().equals("skills[1]"))
			.extracting(Violation::message)
			.containsOnly("must not contain control characters other than line breaks and tabs");
		assertThat(fieldsOf(with("title", "Kafka\tpipeline\r\n(part 2)"))).as("white space is not refused").isEmpty();
		assertThat(fieldsOf(with("description", "Line one\n\tLine two\r\n"))).isEmpty();
	}

	@Test
	void rejectsUnpairedSurrogatesAndAcceptsCharactersOutsideTheBasicPlane() {
		ObjectNode listing = Listings.example();
		listing.put("title", "lone high \uD83D").put("description", "\uDE00 lone low").put("url", "x\uD83Dy");
		((ObjectNode) listing.get("client")).put("companySize", "\uDE00\uD83D");
		listing.putArray("skills").add("\uD83D");

		Validation validation = this.validator.validate(listing);

		assertThat(validation.errors()).extracting(Violation::field)
			.containsExactlyInAnyOrder("title", "description", "url", "client.companySize", "skills[0]");
		assertThat(validation.errors()).extracting(Violation::message).containsOnly("is not valid Unicode");
		assertThat(fieldsOf(with("title", "Kafka \uD83D\uDE00 pipeline"))).isEmpty();
	}

	@Test
	void readsEscapedNulAndSurrogatesFromJsonAsTheyAre() {
		Validation validation = this.validator.validate(Listings.json("""
				{"source": "upwork", "externalId": "x1", "title": "a\\u0000b", "description": "\\ud800",
				 "postedAt": "2026-11-22T09:15:00Z"}"""));

		assertThat(validation.errors()).containsExactlyInAnyOrder(new Violation("title", "contains a NUL character"),
				new Violation("description", "is not valid Unicode"));
	}

	@Test
	void writesNumbersInOneFormWhateverTheInputWrote() {
		Validation validation = this.validator.validate(budget("{\"type\": \"FIXED\", \"amount\": 4000.00}"));

		assertThat(validation.listing().budget().amount()).isEqualTo(new BigDecimal("4000"));
	}

	private java.util.List<String> fieldsOf(ObjectNode listing) {
		return this.validator.validate(listing).errors().stream().map(Violation::field).toList();
	}

	private static ObjectNode with(String field, String value) {
		ObjectNode listing = Listings.example();
		listing.put(field, value);
		return listing;
	}

	private static ObjectNode with(String field, int value) {
		ObjectNode listing = Listings.example();
		listing.put(field, value);
		return listing;
	}

	private static ObjectNode with(String field, tools.jackson.databind.JsonNode value) {
		ObjectNode listing = Listings.example();
		listing.set(field, value);
		return listing;
	}

	private static ObjectNode budget(String json) {
		return with("budget", Listings.json(json));
	}

}
