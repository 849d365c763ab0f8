package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.bidstream.reporting.csv.Csv;
import com.bidstream.reporting.funnel.Diagnosis;
import com.bidstream.reporting.funnel.FunnelRow;

import static org.assertj.core.api.Assertions.assertThat;

class FunnelCsvTests {

	@Test
	void writesTheJsonFieldNamesThenOneLinePerRowWithEmptyCellsForNulls() {
		FunnelRow row = new FunnelRow("Web, Mobile & Software Dev", 3, 2, 2, 1, 1, 1, 1, 1, 0, 28,
				new BigDecimal("4000.00"), 0.5, List.of(0.0945, 0.9055), 0.5, List.of(0.0945, 0.9055), 0.5,
				List.of(0.0945, 0.9055), 0.5, List.of(0.0945, 0.9055), 28.0, 4.2, null, Map.of("PRICE", 1L), false,
				new Diagnosis(Diagnosis.Stage.NONE, "Too little data: 2 proposals"));

		String[] lines = FunnelCsv.render(List.of(row)).split("\r\n");

		assertThat(lines[0]).startsWith("group,scored,queued,proposed,viewed,replied,interviewed,hired,lost,withdrawn,")
			.endsWith("diagnosisStage,diagnosisMessage");
		assertThat(lines[1])
			.isEqualTo("\"Web, Mobile & Software Dev\",3,2,2,1,1,1,1,1,0,28,4000,0.5,0.0945,0.9055,0.5,0.0945,0.9055,"
					+ "0.5,0.0945,0.9055,0.5,0.0945,0.9055,28.0,4.2,,false,NONE,Too little data: 2 proposals");
	}

	@Test
	void quotesAndDefusesCellsASpreadsheetWouldMisread() {
		assertThat(Csv.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(Csv.text("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
		assertThat(Csv.text("plain")).isEqualTo("plain");
		assertThat(Csv.text("  =1+2")).as("spreadsheets skip leading spaces").isEqualTo("'  =1+2");
		assertThat(Csv.text("\u3000@SUM(A1)")).as("and other white space").isEqualTo("'\u3000@SUM(A1)");
		assertThat(Csv.text("\t-1")).isEqualTo("'\t-1");
		assertThat(Csv.text("\n=1")).isEqualTo("\"'\n=1\"");
		assertThat(Csv.text("a = b")).isEqualTo("a = b");
		assertThat(Csv.text("   ")).isEqualTo("   ");
	}

}
