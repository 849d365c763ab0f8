package com.bidstream.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads what Linux keeps of a process in {@code /proc/<pid>}: CPU clock ticks from
 * {@code stat}, and memory lines ({@code VmHWM}, {@code Pss}) in kB from {@code status}
 * and {@code smaps_rollup}. A process that has gone reads as empty.
 */
final class ProcStat {

	private static final Path PROC = Path.of("/proc");

	private ProcStat() {
	}

	/**
	 * utime + stime (and, with {@code withChildren}, cutime + cstime: the children it has
	 * reaped) of a {@code /proc/<pid>/stat} line, in clock ticks.
	 */
	static long cpuTicks(String statLine, boolean withChildren) {
		// the command name (field 2) is in parentheses and may hold spaces: split after
		// it
		String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
		// fields[0] is field 3 (state); utime, stime, cutime, cstime are fields 14-17
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		if (withChildren) {
			ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
		}
		return ticks;
	}

	/**
	 * The value in kB of a {@code Name:   123 kB} line, if there is one.
	 */
	static OptionalLong kilobytes(String text, String name) {
		for (String line : text.split("\n")) {
			if (line.startsWith(name + ":")) {
				String value = line.substring(name.length() + 1).trim();
				int space = value.indexOf(' ');
				return OptionalLong.of(Long.parseLong((space > 0) ? value.substring(0, space) : value));
			}
		}
		return OptionalLong.empty();
	}

	static long cpuTicks(long pid, boolean withChildren) {
		return read(pid, "stat").map((line) -> cpuTicks(line, withChildren)).orElse(0L);
	}

	static long kilobytes(long pid, String file, String name) {
		return read(pid, file).map((text) -> kilobytes(text, name).orElse(0L)).orElse(0L);
	}

	private static Optional<String> read(long pid, String file) {
		try {
			return Optional
				.of(Files.readString(PROC.resolve(Long.toString(pid)).resolve(file), StandardCharsets.US_ASCII));
		}
		catch (IOException | RuntimeException ex) {
			// gone, or not Linux: nothing to count
			return Optional.empty();
		}
	}

}
