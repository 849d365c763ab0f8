package com.bidstream.ingest.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.BudgetType;
import com.bidstream.ingest.listing.ListingValidator;
import com.bidstream.ingest.listing.Validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedParsingTests {

	final ListingValidator validator = new ListingValidator(Clock.systemUTC());

	@Test
	void anRssFeedMadeWithoutASourceTakesItsHostsName() {
		assertThat(RssListings.sourceOf("https://www.upwork.com/ab/feed/jobs/rss?q=kafka"))
			.as("its legacy items are upwork's all the same; others are not in the namespace of Upwork's own ids")
			.isEqualTo("upwork-com");
		assertThat(RssListings.sourceOf("https://weworkremotely.com/categories/remote-programming-jobs.rss"))
			.isEqualTo("weworkremotely-com");
		assertThat(RssListings.sourceOf("http://127.0.0.1:8080/rss")).isEqualTo("127-0-0-1");
		assertThat(RssListings.sourceOf("https://jobs." + "very-long-subdomain".repeat(3) + ".example/rss")).hasSize(32)
			.matches("[a-z0-9][a-z0-9-]{0,31}")
			.doesNotEndWith("-");
		assertThat(RssListings.sourceOf("not a url")).isEqualTo("rss");
		assertThat(RssListings.sourceOf("http://[::1]:18080/rss.xml")).isEqualTo("ipv6-1");
	}

	@Test
	void upworksLegacyRssItemsCarryTheirDetailsInTheDescriptionAndTheirCiphertextInTheLink() {
		List<Listing> listings = RssItems.read(bytes(FeedPayloads.upworkRss("01abc123", "01def456")))
			.stream()
			.map((item) -> valid(RssListings.listing(item, null)))
			.toList();

		Listing fixed = listings.get(0);
		assertThat(fixed.source()).isEqualTo("upwork");
		assertThat(fixed.externalId()).isEqualTo("~01abc123");
		assertThat(fixed.title()).isEqualTo("Spring Boot engineer for a Kafka pipeline");
		assertThat(fixed.description()).isEqualTo("We need a Kafka & Spring expert.");
		assertThat(fixed.budget().type()).isEqualTo(BudgetType.FIXED);
		assertThat(fixed.budget().amount()).isEqualByComparingTo("4000");
		assertThat(fixed.category()).isEqualTo("Web, Mobile & Software Dev");
		assertThat(fixed.skills()).containsExactly("Java", "Spring Boot", "Apache Kafka");
		assertThat(fixed.client().country()).isEqualTo("United States");
		assertThat(fixed.postedAt()).hasToString("2026-11-22T09:15:00Z");
		Listing hourly = listings.get(1);
		assertThat(hourly.externalId()).isEqualTo("~01def456");
		assertThat(hourly.budget().type()).isEqualTo(BudgetType.HOURLY);
		assertThat(hourly.budget().min()).isEqualByComparingTo("15");
		assertThat(hourly.budget().max()).isEqualByComparingTo("40");
		assertThat(hourly.postedAt()).hasToString("2026-11-21T18:02:00Z");
	}

	@Test
	void anAtomEntryIsAListingOfTheFeedsSourceWithASafeIdDerivedFromItsOwn() {
		List<Map<String, String>> items = RssItems.read(bytes(FeedPayloads.atom("abc")));

		Listing listing = valid(RssListings.listing(items.get(0), "jobsite"));

		assertThat(listing.source()).isEqualTo("jobsite");
		assertThat(listing.externalId()).isEqualTo("urn:uuid:abc");
		assertThat(listing.url()).isEqualTo("https://jobs.example.com/view/abc");
		assertThat(listing.description()).isEqualTo("Build pipelines");
		assertThat(SafeIds.of("https://x.example/a b?c")).startsWith("h-").hasSize(42);
	}

	@Test
	void xmlWithAnExternalEntityOrBrokenMarkupIsAFeedErrorNotAFileRead() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<rss><channel><item><title>&xxe;</title></item></channel></rss>""";

		assertThatExceptionOfType(FeedException.class).isThrownBy(() -> RssItems.read(bytes(xxe)));
		assertThatExceptionOfType(FeedException.class).isThrownBy(() -> RssItems.read(bytes("<rss><channel><item>")));
		assertThat(RssItems.read(bytes("<rss><channel></channel></rss>"))).isEmpty();
		// a page that is well-formed XML read as a healthy, empty feed
		assertThatExceptionOfType(FeedException.class)
			.isThrownBy(() -> RssItems.read(bytes("<html><body>Not a feed</body></html>")))
			.withMessage("The feed is not an RSS or Atom document (its root element is <html>, where rss, feed or "
					+ "RDF belongs)");
		assertThat(RssItems.read(bytes("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"))).isEmpty();
		assertThat(RssItems
			.read(bytes("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" + "</rdf:RDF>")))
			.as("RSS 1.0")
			.isEmpty();
	}

	@Test
	void upworkGraphqlJobsMapMoneyStringsSkillsAndNulls() {
		List<Listing> listings = UpworkJobs.listings(bytes(FeedPayloads.upworkGraphql("~01xyz")))
			.stream()
			.map(this::valid)
			.toList();

		Listing fixed = listings.get(0);
		assertThat(fixed.externalId()).isEqualTo("~01xyz");
		assertThat(fixed.budget().type()).isEqualTo(BudgetType.FIXED);
		assertThat(fixed.budget().amount()).isEqualByComparingTo("1500");
		assertThat(fixed.skills()).containsExactly("Apache Kafka", "java");
		assertThat(fixed.proposals()).isEqualTo(7);
		assertThat(fixed.client().totalSpent()).isEqualByComparingTo("250000.5");
		assertThat(fixed.client().paymentVerified()).isTrue();
		assertThat(fixed.client().rating()).isEqualByComparingTo("4.9");
		assertThat(fixed.client().country()).isEqualTo("United States");
		Listing hourly = listings.get(1);
		assertThat(hourly.budget().type()).isEqualTo(BudgetType.HOURLY);
		assertThat(hourly.budget().max()).isEqualByComparingTo("80");
		assertThat(hourly.client()).isNull();
		assertThat(new String(UpworkJobs.request("kafka"), StandardCharsets.UTF_8)).contains("RECENCY")
			.doesNotContain("pagination_eq");
	}

	@Test
	void aJsonFeedIsAnArrayOrAnObjectHoldingOneMappedField_byField() {
		String body = """
				{"meta": {"count": 1}, "jobs": [{"id": 42, "name": "Mapped title", "when": "2026-11-20T10:00:00Z",
				  "price": {"value": 900}, "budget": {"type": "FIXED", "currency": "EUR"}}]}""";
		JsonNode mapping = com.bidstream.contracts.EventCodec.mapper()
			.readTree("{\"fields\": {\"externalId\": \"id\", \"title\": \"name\", \"postedAt\": \"when\", "
					+ "\"budget.amount\": \"price.value\"}}");

		Listing listing = valid(JsonListings.read(bytes(body), mapping, "scanner").get(0));

		assertThat(listing.source()).isEqualTo("scanner");
		assertThat(listing.externalId()).isEqualTo("42");
		assertThat(listing.title()).isEqualTo("Mapped title");
		assertThat(listing.budget().amount()).isEqualByComparingTo("900");
		assertThatExceptionOfType(FeedException.class)
			.isThrownBy(() -> JsonListings.read(bytes("{\"a\": "), null, "x"));
		assertThat(JsonListings.read(bytes("[]"), null, "x")).isEmpty();
		// an item naming another source would address another channel's listing
		assertThat(JsonListings.pushed(bytes("[{\"source\": \"manual\", \"externalId\": \"nh1\"}]"), null, "rawhook")
			.get(0)
			.get("source")
			.asString()).isEqualTo("rawhook");
		assertThat(JsonListings.read(bytes("[{\"src\": \"upwork\", \"externalId\": \"nh1\"}]"),
				com.bidstream.contracts.EventCodec.mapper().readTree("{\"fields\": {\"source\": \"src\"}}"), "scanner")
			.get(0)
			.get("source")
			.asString()).as("nor by a mapping").isEqualTo("scanner");
	}

	@Test
	void anItemsLinkIsResolvedAgainstTheFeedsUrlAndLeftOutWhenItIsNoWebLink() {
		java.util.function.Function<String, JsonNode> item = (link) -> RssListings.listing(
				Map.of("guid", "g-1", "title", "A job", "link", link, "pubDate", "Sat, 28 Nov 2026 10:00:00 GMT"),
				"jobsite", "https://jobs.example/feeds/atom.xml");

		assertThat(valid(item.apply("/jobs/1")).url()).isEqualTo("https://jobs.example/jobs/1");
		assertThat(valid(item.apply("https://other.example/j/2")).url()).isEqualTo("https://other.example/j/2");
		assertThat(valid(item.apply("")).url()).as("an empty <link></link>").isNull();
		assertThat(valid(item.apply("javascript:alert(1)")).url()).as("the item is kept, without its link").isNull();
	}

	@Test
	void aPushNamingAFieldTwiceIsRefusedWhereAPolledAnswerIsReadAsItComes() {
		String body = "[{\"externalId\": \"1\", \"title\": \"First\", \"title\": \"Second\"}]";

		assertThatExceptionOfType(FeedException.class).as("a push is a request body")
			.isThrownBy(() -> JsonListings.pushed(bytes(body), null, "x"))
			.withMessage("The JSON names \"title\" twice in one object");
		assertThat(JsonListings.read(bytes(body), null, "x").get(0).get("title").asString())
			.as("a source we do not run is read as it sent")
			.isEqualTo("Second");
		assertThatExceptionOfType(FeedException.class).isThrownBy(() -> JsonListings.pushed(bytes("[{"), null, "x"))
			.withMessage("The body is not readable JSON");
	}

	@Test
	void loopbackPrivateAndLinkLocalAddressesAreRefusedUnlessAllowed() {
		AddressGuard guard = new AddressGuard(false);

		assertThat(guard.problem("http://127.0.0.1:8080/feed")).contains("loopback");
		assertThat(guard.problem("http://10.1.2.3/feed")).contains("private");
		assertThat(guard.problem("http://169.254.169.254/latest/meta-data")).contains("link-local");
		assertThat(guard.problem("http://[::1]/feed")).isNotNull();
		assertThat(guard.problem("file:///etc/passwd")).contains("http");
		assertThat(new AddressGuard(true).problem("http://127.0.0.1:8080/feed")).isNull();
	}

	private Listing valid(JsonNode fields) {
		Validation validation = this.validator.validate(fields);
		assertThat(validation.errors()).as(fields.toString()).isEmpty();
		return validation.listing();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
