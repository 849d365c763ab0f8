package com.bidstream.tracking.pursuits;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowsTests {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaksCountingTheLinesTheyStartOn() {
		List<CsvRows.Row> rows = CsvRows
			.read("\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",3\n\n\"two\nlines\",,\r\nlast,row,end");

		assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1L, 2L, 4L, 6L);
		assertThat(rows.get(0).fields()).containsExactly("a", "b", "c");
		assertThat(rows.get(1).fields()).containsExactly("1", "x, \"y\"", "3");
		assertThat(rows.get(2).fields()).containsExactly("two\nlines", "", "");
		assertThat(rows.get(3).fields()).containsExactly("last", "row", "end");
		assertThat(rows).noneMatch(CsvRows.Row::unclosed);
	}

	@Test
	void aQuoteNeverClosedMarksItsRow() {
		List<CsvRows.Row> rows = CsvRows.read("a,b\n1,\"open\n2,3\n");

		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).unclosed()).isTrue();
	}

}
