package com.bidstream.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.core.exc.StreamReadException;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The charset a request body's {@code Content-Type} declares, for the endpoints that read
 * their body's bytes themselves (listings, imports, the pursuits' CSV backfill). Spring
 * Boot sets every request's own encoding to UTF-8, so the client's charset is read from
 * the header: UTF-8 when it names none, 415 {@code unsupported-media-type} when it names
 * one the JDK does not know.
 */
public final class DeclaredCharset {

	private DeclaredCharset() {
	}

	/**
	 * The declared charset, or UTF-8.
	 * @param contentType the request's {@code Content-Type}, possibly null
	 * @throws ApiProblem 415 for a charset the JDK does not know
	 */
	public static Charset of(String contentType) {
		if (contentType == null) {
			return StandardCharsets.UTF_8;
		}
		try {
			Charset charset = MediaType.parseMediaType(contentType).getCharset();
			return (charset != null) ? charset : StandardCharsets.UTF_8;
		}
		catch (InvalidMediaTypeException ex) {
			// Spring reads the charset while it parses: one it does not know fails it
			if (mediaType(contentType).isPresent() && contentType.toLowerCase(Locale.ROOT).contains("charset")) {
				throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
						"The charset in Content-Type is not one this service knows; a body is UTF-8 unless "
								+ "Content-Type names another, such as charset=ISO-8859-1",
						null);
			}
			return StandardCharsets.UTF_8;
		}
	}

	/**
	 * The type and subtype the header names, without its parameters (so without judging
	 * its charset, which {@link #of} does), or empty for no header or one that is not a
	 * media type at all.
	 */
	public static Optional<MediaType> mediaType(String contentType) {
		if (contentType == null) {
			return Optional.empty();
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType.split(";", 2)[0]);
			return Optional.of(new MediaType(type.getType(), type.getSubtype()));
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The body's bytes as UTF-8: as they are when {@code Content-Type} names no charset
	 * or UTF-8, else decoded strictly from the charset it names ({@link #decode}) and
	 * encoded again, for a reader of UTF-8 JSON.
	 * @throws ApiProblem 415 for a charset the JDK does not know, 400 for bytes that are
	 * not text in the charset named
	 */
	public static byte[] asUtf8(byte[] body, String contentType, String what) {
		Charset charset = of(contentType);
		return StandardCharsets.UTF_8.equals(charset) ? body
				: decode(body, charset, what).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The body as text in its charset, strictly: a byte that is not text in it answers
	 * 400 {@code malformed-body}, never a replacement character stored without a word.
	 * @param what what the body is, for the message ("The CSV")
	 */
	public static String decode(byte[] body, Charset charset, String what) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ApiProblem.badRequest("malformed-body", notValid(charset, what));
		}
	}

	/**
	 * What a client is told of a body that is not text in {@code charset}.
	 * @param what what the body is, for the message ("The body")
	 */
	public static String notValid(Charset charset, String what) {
		return what + " is not valid " + charset.name() + " (declare another charset in Content-Type if it is in one)";
	}

	/**
	 * Whether a JSON reader failed because the bytes are not UTF-8 (a Latin-1 body sent
	 * without its charset): Jackson tells it by its message only.
	 */
	public static boolean notUtf8(Throwable failure) {
		return Causes.first(failure, StreamReadException.class)
			.map((read) -> String.valueOf(read.getOriginalMessage()).startsWith("Invalid UTF-8"))
			.orElse(false);
	}

}
