package com.bidstream.ingest.feeds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FeedSecretsTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private final FeedSecrets secrets = new FeedSecrets(KEY);

	private final UUID feed = UUID.randomUUID();

	@Test
	void aSealedValueOpensForItsFeedAndHoldsNothingReadable() {
		String sealed = this.secrets.seal(this.feed, "token", "bearer-token-1");

		assertThat(sealed).startsWith("v1:").doesNotContain("bearer-token-1");
		assertThat(this.secrets.open(this.feed, "token", sealed)).isEqualTo("bearer-token-1");
		assertThat(this.secrets.seal(this.feed, "token", "bearer-token-1")).as("a fresh nonce each time")
			.isNotEqualTo(sealed);
		assertThat(this.secrets.seal(this.feed, "token", null)).isNull();
		assertThat(this.secrets.open(this.feed, "token", null)).isNull();
	}

	@Test
	void aSealedValueDoesNotOpenForAnotherFeedNorAnotherColumnNorWithAnotherKeyNorAltered() {
		String sealed = this.secrets.seal(this.feed, "token", "bearer-token-1");
		FeedSecrets otherKey = new FeedSecrets(Base64.getEncoder()
			.encodeToString("another key of 32 bytes, exactly".getBytes(StandardCharsets.US_ASCII)));
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
		bytes[bytes.length - 1] ^= 1;
		String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);

		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(UUID.randomUUID(), "token", sealed));
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(this.feed, "secret", sealed));
		assertThatIllegalStateException().isThrownBy(() -> otherKey.open(this.feed, "token", sealed));
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(this.feed, "token", altered));
	}

	@Test
	void aDamagedSealedValueIsRefusedAsNotOpeningNotWithAnotherException() {
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(this.feed, "token", "v1:not base64!"));
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(this.feed, "token", "v1:AAAA"));
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(this.feed, "token", "v1:"));
	}

	@Test
	void afterARotationAValueOpensWithThePreviousKeyAndIsResealedWithTheCurrentOne() {
		String oldKey = KEY;
		String newKey = Base64.getEncoder()
			.encodeToString("another key of 32 bytes, exactly".getBytes(StandardCharsets.US_ASCII));
		String underOld = this.secrets.seal(this.feed, "token", "bearer-token-1");
		FeedSecrets rotated = new FeedSecrets(newKey, " " + oldKey + " ,");

		assertThat(rotated.open(this.feed, "token", underOld)).isEqualTo("bearer-token-1");
		String underNew = rotated.resealed(this.feed, "token", underOld).orElseThrow();
		assertThat(new FeedSecrets(newKey).open(this.feed, "token", underNew)).isEqualTo("bearer-token-1");
		assertThat(rotated.resealed(this.feed, "token", underNew)).as("already under the current key").isEmpty();
		assertThat(rotated.resealed(this.feed, "token", null)).isEmpty();
		assertThat(new FeedSecrets(newKey).open(this.feed, "token",
				rotated.resealed(this.feed, "token", "plain").orElseThrow()))
			.as("plain text is sealed too")
			.isEqualTo("plain");
		assertThatIllegalStateException().as("the previous key does not open a value of another feed")
			.isThrownBy(() -> rotated.open(UUID.randomUUID(), "token", underOld));
		assertThatIllegalStateException().as("nor does a value sealed with neither key open")
			.isThrownBy(() -> new FeedSecrets(newKey).resealed(this.feed, "token", underOld));
		assertThatIllegalStateException()
			.isThrownBy(() -> new FeedSecrets(newKey, Base64.getEncoder().encodeToString(new byte[8])))
			.withMessageContaining("bidstream.ingest.previous-secrets-keys must be 32 bytes");
	}

	/**
	 * The README's rotation for several instances, restarted one by one: at every moment
	 * of both steps, whatever any instance sealed (a new feed, or a stored value sealed
	 * again) opens on every instance. A rotation in one step would not do: the instance
	 * not yet restarted meets a value under a key it does not know.
	 */
	@Test
	void theTwoStepRotationOfSeveralInstancesLeavesNoValueAnInstanceCannotOpen() {
		String oldKey = KEY;
		String newKey = Base64.getEncoder()
			.encodeToString("another key of 32 bytes, exactly".getBytes(StandardCharsets.US_ASCII));
		List<String> stored = new ArrayList<>(List.of(this.secrets.seal(this.feed, "token", "t0")));
		List<List<FeedSecrets>> moments = List.of(List.of(new FeedSecrets(oldKey, newKey), new FeedSecrets(oldKey)),
				List.of(new FeedSecrets(oldKey, newKey), new FeedSecrets(oldKey, newKey)),
				List.of(new FeedSecrets(newKey, oldKey), new FeedSecrets(oldKey, newKey)),
				List.of(new FeedSecrets(newKey, oldKey), new FeedSecrets(newKey, oldKey)));
		int n = 1;
		for (List<FeedSecrets> instances : moments) {
			for (FeedSecrets instance : instances) {
				stored.add(instance.seal(this.feed, "token", "t" + n++));
				stored.replaceAll((value) -> instance.resealed(this.feed, "token", value).orElse(value));
			}
			for (FeedSecrets instance : instances) {
				for (String value : stored) {
					assertThat(instance.open(this.feed, "token", value)).startsWith("t");
				}
			}
		}
		FeedSecrets oldKeyGone = new FeedSecrets(newKey);
		assertThat(stored).allSatisfy((value) -> assertThat(oldKeyGone.resealed(this.feed, "token", value))
			.as("everything is under the new key once every instance re-sealed")
			.isEmpty());

		FeedSecrets oneStep = new FeedSecrets(newKey, oldKey);
		String sealedByTheFirstRestarted = oneStep.seal(this.feed, "token", "t");
		assertThatIllegalStateException().as("in one step, an instance not yet restarted cannot open it")
			.isThrownBy(() -> new FeedSecrets(oldKey).open(this.feed, "token", sealedByTheFirstRestarted));
	}

	@Test
	void aValueStoredBeforeSealingIsReadAsItIs() {
		assertThat(this.secrets.open(this.feed, "token", "legacy-token")).isEqualTo("legacy-token");
		assertThat(FeedSecrets.isSealed("legacy-token")).isFalse();
	}

	@Test
	void ingestDoesNotStartWithoutAWellFormedKey() {
		assertThatIllegalStateException().isThrownBy(() -> new FeedSecrets(""))
			.withMessageContaining("bidstream.ingest.secrets-key is not set")
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalStateException().isThrownBy(() -> new FeedSecrets("not base64!"))
			.withMessageContaining("not base64");
		assertThatIllegalStateException()
			.isThrownBy(() -> new FeedSecrets(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("must be 32 bytes");
	}

}
