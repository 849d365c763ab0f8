package com.bidstream.ingest.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Writes text that arrives in another charset as UTF-8, so that a spooled import is UTF-8
 * whatever charset it was uploaded in, and its readers find records and fields by ASCII
 * bytes (which UTF-16, for one, does not keep apart) and resume at byte offsets of the
 * spooled file. Bytes that are not text in that charset are written as one byte
 * {@link #NOT_TEXT}, never as U+FFFD: the record holding them is then rejected by its
 * reader ({@link Utf8}) as bytes that are not text, as in an upload in UTF-8. Streams in
 * buffers of fixed size.
 */
final class Utf8Transcoder extends OutputStream {

	/**
	 * Stands for bytes that are not text in the declared charset: it occurs in no UTF-8
	 * text, and is no separator of CSV or NDJSON.
	 */
	static final int NOT_TEXT = 0xFF;

	private static final int BUFFER = 64 * 1024;

	private final OutputStream out;

	private final CharsetDecoder decoder;

	private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();

	private final ByteBuffer input = ByteBuffer.allocate(BUFFER);

	private final CharBuffer chars = CharBuffer.allocate(BUFFER);

	private final ByteBuffer output = ByteBuffer.allocate(BUFFER);

	private Utf8Transcoder(OutputStream out, Charset charset) {
		this.out = out;
		this.decoder = charset.newDecoder();
	}

	/**
	 * A stream writing what it is given in {@code charset} to {@code out} as UTF-8:
	 * {@code out} itself when the charset is UTF-8, which the readers check as they go.
	 */
	static OutputStream to(OutputStream out, Charset charset) {
		return StandardCharsets.UTF_8.equals(charset) ? out : new Utf8Transcoder(out, charset);
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int from, int count) throws IOException {
		int offset = from;
		int left = count;
		while (left > 0) {
			int taken = Math.min(left, this.input.remaining());
			this.input.put(bytes, offset, taken);
			offset += taken;
			left -= taken;
			decode(false);
		}
	}

	/**
	 * Decodes what the input holds (all of it at the end; else up to a sequence the next
	 * bytes complete, which stays for them) and writes it.
	 */
	private void decode(boolean end) throws IOException {
		this.input.flip();
		while (true) {
			CoderResult result = this.decoder.decode(this.input, this.chars, end);
			if (result.isUnderflow()) {
				break;
			}
			encode(false);
			if (result.isError()) {
				this.out.write(NOT_TEXT);
				this.input.position(this.input.position() + result.length());
			}
		}
		this.input.compact();
		encode(false);
	}

	private void encode(boolean end) throws IOException {
		this.chars.flip();
		while (true) {
			CoderResult result = this.encoder.encode(this.chars, this.output, end);
			if (result.isUnderflow()) {
				break;
			}
			drain();
			if (result.isError()) {
				// a lone surrogate: no decoder in the JDK gives one for bytes it reports
				this.out.write(NOT_TEXT);
				this.chars.position(this.chars.position() + result.length());
			}
		}
		this.chars.compact();
		drain();
	}

	private void drain() throws IOException {
		if (this.output.position() > 0) {
			this.out.write(this.output.array(), 0, this.output.position());
			this.output.clear();
		}
	}

	@Override
	public void close() throws IOException {
		try {
			decode(true);
			this.decoder.flush(this.chars);
			encode(true);
			this.encoder.flush(this.output);
			drain();
		}
		finally {
			this.out.close();
		}
	}

}
