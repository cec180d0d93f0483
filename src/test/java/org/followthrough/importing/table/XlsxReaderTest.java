package org.followthrough.importing.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A date cell reads as the day it holds, whatever format shows it, unless the sheet shows it as a month: Excel keeps
 * "Apr-14" typed in a plan's table as the 1st of April 2014, but the plan means the month.
 */
class XlsxReaderTest {

    private static String shown(String format, LocalDate date) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(format));
            XSSFCell cell = book.createSheet("Plan").createRow(0).createCell(0);
            cell.setCellValue(date);
            cell.setCellStyle(style);
            return XlsxReader.text(cell, new DataFormatter(Locale.UK));
        }
    }

    @Test
    void aDateShownAsADayReadsAsThatDay() throws IOException {
        assertThat(shown("dd/mm/yyyy", LocalDate.of(2014, 4, 1))).isEqualTo("2014-04-01");
        assertThat(shown("d mmmm yyyy", LocalDate.of(2013, 11, 30))).isEqualTo("2013-11-30");
    }

    @Test
    void aDateShownAsAMonthReadsAsTheMonthTheSheetShows() throws IOException {
        assertThat(shown("mmm-yy", LocalDate.of(2014, 4, 1))).isEqualTo("Apr-14");
        assertThat(shown("[$-809]mmmm yyyy", LocalDate.of(2013, 12, 1))).isEqualTo("December 2013");
    }

    @Test
    void aMonthIsNamedAsExcelNamesIt() throws IOException {
        assertThat(shown("mmm yyyy", LocalDate.of(2013, 9, 1))).isEqualTo("Sep 2013");
        assertThat(shown("mm/yyyy", LocalDate.of(2013, 9, 1))).isEqualTo("09/2013");
    }

    @Test
    void onlyAYearWithMonthAndNoDayIsAMonth() {
        assertThat(XlsxReader.showsNoDay("mmm-yy")).isTrue();
        assertThat(XlsxReader.showsNoDay("\"Due \"mmmm yyyy")).isTrue();
        assertThat(XlsxReader.showsNoDay("dd-mmm-yy")).isFalse();
        assertThat(XlsxReader.showsNoDay("h:mm")).isFalse();
        assertThat(XlsxReader.showsNoDay("[$-F800]dddd, mmmm dd, yyyy")).isFalse();
    }
}
