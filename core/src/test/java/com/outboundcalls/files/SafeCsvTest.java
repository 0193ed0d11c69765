package com.outboundcalls.files;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SafeCsvTest {

    @Test
    void aCellThatCouldStartAFormulaGetsAnApostropheWhateverSpacesComeFirst() {
        assertEquals("'=1+1", SafeCsv.cell("=1+1"));
        assertEquals("'  =HYPERLINK(\"x\")", SafeCsv.cell("  =HYPERLINK(\"x\")"), "leading spaces");
        assertEquals("'\u00A0@SUM(A1)", SafeCsv.cell("\u00A0@SUM(A1)"), "a no-break space");
        assertEquals("'\u3000+1", SafeCsv.cell("\u3000+1"), "an ideographic space");
        assertEquals("'\uFF1D1+1", SafeCsv.cell("\uFF1D1+1"), "a full-width equals sign");
        assertEquals("'\uFF0B33", SafeCsv.cell("\uFF0B33"), "a full-width plus sign");
        assertEquals("'\tx", SafeCsv.cell("\tx"));
        assertEquals("Dupont = client", SafeCsv.cell("Dupont = client"), "a formula sign later on is harmless");
        assertEquals("   ", SafeCsv.cell("   "));
    }

    @Test
    void numbersStayNumbersAndTextThatIsNotANumberIsMadeSafe() {
        assertEquals("\"-5,00\"", SafeCsv.number("-5,00", ','), "quoted for its comma, not neutralised");
        assertEquals("-5,00", SafeCsv.number("-5,00", ';'));
        assertEquals("12.5", SafeCsv.number("12.5", ';'));
        assertEquals("'-cmd|' /C calc'!A0", SafeCsv.number("-cmd|' /C calc'!A0", ';'));
    }

    @Test
    void aLineQuotesWhatHoldsTheDelimiterAQuoteOrALineBreak() {
        assertEquals("a;\"b;c\";\"say \"\"hi\"\"\";\"two\nlines\";'=x\r\n",
                SafeCsv.line(';', List.of("a", "b;c", "say \"hi\"", "two\nlines", "=x")));
    }
}
