package com.bidstream.localstack.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatTests {

	// fields 14-17: utime 1500, stime 250, cutime 40, cstime 10
	private static final String STAT = "4242 (java (kafka) x) S 1 4242 4242 0 -1 4194560 90000 0 12 0 "
			+ "1500 250 40 10 20 0 57 0 1234 5000000000 120000 18446744073709551615 1 1 0 0 0 0 0 4096 17610 0 0 0 "
			+ "17 1 0 0 0 0 0";

	@Test
	void cpuIsUserPlusSystemTimeEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
		assertThat(ProcStat.cpuTicks(STAT, false)).isEqualTo(1750);
	}

	@Test
	void reapedChildrenCountWhenAsked() {
		assertThat(ProcStat.cpuTicks(STAT, true)).isEqualTo(1800);
	}

	@Test
	void readsTheKilobytesOfANamedLine() {
		String status = """
				Name:	java
				VmPeak:	 5012344 kB
				VmHWM:	  612300 kB
				VmRSS:	  598000 kB
				""";

		assertThat(ProcStat.kilobytes(status, "VmHWM")).hasValue(612300);
		assertThat(ProcStat.kilobytes(status, "VmRSS")).hasValue(598000);
	}

	@Test
	void aMissingLineIsEmptyAndAPrefixIsNoMatch() {
		String rollup = "Rss:     2000 kB\nPss_Anon:   300 kB\n";

		assertThat(ProcStat.kilobytes(rollup, "Pss")).isEmpty();
	}

	@Test
	void thisProcessHasCpuTimeAndAPeakResidentSet() {
		long pid = ProcessHandle.current().pid();

		assertThat(ProcStat.kilobytes(pid, "status", "VmHWM")).isPositive();
		assertThat(ProcStat.cpuTicks(pid, false)).isPositive();
	}

	@Test
	void aProcessThatIsGoneReadsAsZero() {
		assertThat(ProcStat.cpuTicks(Long.MAX_VALUE, true)).isZero();
		assertThat(ProcStat.kilobytes(Long.MAX_VALUE, "status", "VmHWM")).isZero();
	}

}
