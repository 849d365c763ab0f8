package com.bidstream.ingest.imports;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether bytes are well-formed UTF-8 (RFC 3629): no stray continuation byte, no
 * truncated, overlong or surrogate sequence, nothing past U+10FFFF. The readers check
 * each record with it before decoding, because the JDK's decoding puts U+FFFD in place of
 * bad bytes without a word, and Jackson takes an overlong sequence as the character it
 * spells. It allocates nothing and passes ASCII eight bytes at a time, so that checking
 * every record costs an import little.
 */
final class Utf8 {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long HIGH_BITS = 0x8080808080808080L;

	private Utf8() {
	}

	static boolean isValid(byte[] bytes, int from, int to) {
		int i = from;
		while (i < to) {
			if (to - i >= Long.BYTES && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
				i += Long.BYTES;
				continue;
			}
			int lead = bytes[i] & 0xFF;
			if (lead < 0x80) {
				i++;
				continue;
			}
			int length = sequenceLength(lead);
			if (length == 0 || to - i < length || !continues(lead, bytes, i, length)) {
				return false;
			}
			i += length;
		}
		return true;
	}

	/**
	 * How many bytes a sequence starting with {@code lead} takes; 0 when no sequence
	 * starts with it (a continuation byte, or C0, C1 and F5 to FF, which could only start
	 * an overlong sequence or one past U+10FFFF).
	 */
	private static int sequenceLength(int lead) {
		if (lead >= 0xC2 && lead <= 0xDF) {
			return 2;
		}
		if (lead >= 0xE0 && lead <= 0xEF) {
			return 3;
		}
		if (lead >= 0xF0 && lead <= 0xF4) {
			return 4;
		}
		return 0;
	}

	/**
	 * Whether the bytes after the lead are continuation bytes, the second in the narrower
	 * range some leads allow (RFC 3629, section 4).
	 */
	private static boolean continues(int lead, byte[] bytes, int start, int length) {
		int second = bytes[start + 1] & 0xFF;
		int min = switch (lead) {
			case 0xE0 -> 0xA0;
			case 0xF0 -> 0x90;
			default -> 0x80;
		};
		int max = switch (lead) {
			case 0xED -> 0x9F;
			case 0xF4 -> 0x8F;
			default -> 0xBF;
		};
		if (second < min || second > max) {
			return false;
		}
		for (int i = start + 2; i < start + length; i++) {
			if ((bytes[i] & 0xC0) != 0x80) {
				return false;
			}
		}
		return true;
	}

}
