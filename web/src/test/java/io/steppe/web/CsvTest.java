package io.steppe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreDefused() {
        assertEquals("'=1+2", Csv.cell("=1+2"));
        assertEquals("'+7 495 000", Csv.cell("+7 495 000"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("'+1-2", Csv.cell("+1-2"));
        assertEquals("'-1.5e3", Csv.cell("-1.5e3"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("\"'\rx\"", Csv.cell("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"http://evil.example\",\"x\")"));
    }

    @Test
    void plainNumbersStayNumbers() {
        assertEquals("+97699112233", Csv.cell("+97699112233"));
        assertEquals("-95", Csv.cell("-95"));
        assertEquals("-3.5", Csv.cell("-3.5"));
    }

    @Test
    void plainCellsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("jining-centre", Csv.cell("jining-centre"));
        assertEquals("", Csv.cell(null));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"line\nbreak\"", Csv.cell("line\nbreak"));
        assertEquals("1,x,\"y,z\"\n", Csv.row("1", "x", "y,z"));
        assertEquals("\"rsrp -30 is outside\"", Csv.quoted("rsrp -30 is outside"));
        assertEquals("\"'-30 is outside\"", Csv.quoted("-30 is outside"));
    }
}
