package io.steppe.coverage.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class CsvLineTest {

    @Test
    void quotedFieldsEmptyFieldsAndTabs() {
        CsvLine comma = CsvLine.forHeader("a,b,c");
        assertArrayEquals(new String[] {"1", "", "x"}, comma.split("1,,x"));
        assertArrayEquals(new String[] {"a,b", "say \"hi\"", ""}, comma.split("\"a,b\",\"say \"\"hi\"\"\","));
        assertArrayEquals(new String[] {"1", "2"}, CsvLine.forHeader("a\tb").split("1\t2"));
    }
}
