package com.bidstream.ingest.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An import's body on disk, read from any byte offset.
 */
record SpoolFile(Path path) {

	InputStream open(long offset) throws IOException {
		FileChannel channel = FileChannel.open(this.path, StandardOpenOption.READ);
		channel.position(offset);
		return Channels.newInputStream(channel);
	}

	boolean exists() {
		return Files.isRegularFile(this.path);
	}

	void delete() throws IOException {
		Files.deleteIfExists(this.path);
	}

}
