package com.bidstream.ingest.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers' UTF-8 check says what the JDK's strict decoder says, at any position
 * against its eight-byte steps over ASCII.
 */
class Utf8Tests {

	private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();

	private final CharBuffer chars = CharBuffer.allocate(64);

	@Test
	void everySequenceOfUpToThreeBytesIsJudgedAsTheStrictDecoderJudgesIt() {
		byte[] bytes = new byte[3];
		for (int first = 0; first < 256; first++) {
			bytes[0] = (byte) first;
			assertAgrees(bytes, 1);
			for (int second = 0; second < 256; second++) {
				bytes[1] = (byte) second;
				assertAgrees(bytes, 2);
				if (first >= 0xC0) {
					for (int third = 0; third < 256; third++) {
						bytes[2] = (byte) third;
						assertAgrees(bytes, 3);
					}
				}
			}
		}
	}

	@Test
	void fourByteSequencesAreJudgedAsTheStrictDecoderJudgesThem() {
		int[] samples = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xF4, 0xFF };
		for (int lead = 0xE0; lead < 256; lead++) {
			for (int second = 0; second < 256; second++) {
				for (int third : samples) {
					for (int fourth : samples) {
						assertAgrees(new byte[] { (byte) lead, (byte) second, (byte) third, (byte) fourth }, 4);
					}
				}
			}
		}
	}

	@Test
	void aBadByteIsFoundWhereverItStandsInLongAsciiAndAGoodCharacterIsPassedAnywhere() {
		for (String bad : new String[] { "\u00E9", "\u00C3", "\u00ED\u00A0\u0080", "\u00C0\u00AF", "\u00FF" }) {
			for (int at = 0; at < 20; at++) {
				byte[] bytes = ("a".repeat(at) + bad + "b".repeat(20 - at)).getBytes(StandardCharsets.ISO_8859_1);
				assertThat(Utf8.isValid(bytes, 0, bytes.length)).as("%s at %d", bad, at).isFalse();
				assertThat(Utf8.isValid(bytes, at + bad.length(), bytes.length)).as("the ASCII after it").isTrue();
			}
		}
		for (int at = 0; at < 20; at++) {
			byte[] bytes = ("a".repeat(at) + "caf\u00E9 \uFFFD \uD83D\uDE00" + "b".repeat(20 - at))
				.getBytes(StandardCharsets.UTF_8);
			assertThat(Utf8.isValid(bytes, 0, bytes.length)).as("at %d", at).isTrue();
			assertThat(Utf8.isValid(bytes, 0, bytes.length - 20 + at - 1)).as("cut inside the emoji").isFalse();
		}
	}

	private void assertAgrees(byte[] bytes, int length) {
		this.strict.reset();
		this.chars.clear();
		boolean decodes = !this.strict.decode(ByteBuffer.wrap(bytes, 0, length), this.chars, true).isError()
				&& !this.strict.flush(this.chars).isError();
		if (Utf8.isValid(bytes, 0, length) != decodes) {
			assertThat(Utf8.isValid(bytes, 0, length)).as("%s", java.util.HexFormat.of().formatHex(bytes, 0, length))
				.isEqualTo(decodes);
		}
	}

}
