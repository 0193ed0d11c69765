package com.outboundcalls.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of reading a contact file that guard against what files do: encodings, quoting, zip bombs, shortcuts. */
class ContactFileSafetyTest {

    private static List<CsvRows.Record> records(String text, char delimiter) {
        CsvRows rows = new CsvRows(new StringReader(text), delimiter);
        List<CsvRows.Record> all = new ArrayList<>();
        for (CsvRows.Record r = rows.next(); r != null; r = rows.next()) {
            all.add(r);
        }
        return all;
    }

    @Test
    void quotedDelimitersNewlinesAndDoubledQuotesStayInTheirCell() {
        List<CsvRows.Record> r = records("a;\"b;c\";\"d\r\ne\";\"f\"\"g\"\r\nh;i\n", ';');
        assertEquals(List.of("a", "b;c", "d\r\ne", "f\"g"), r.get(0).cells());
        assertNull(r.get(0).problem());
        assertEquals(List.of("h", "i"), r.get(1).cells());
    }

    @Test
    void anUnclosedQuoteBreaksOneRowOnlyAndTextAfterAClosingQuoteIsAProblem() {
        List<CsvRows.Record> r = records("\"ok\"tail,y\nnext,row\n\"open,x\nafter,z\n", ',');
        assertEquals(4, r.size());
        assertEquals("text follows a closing quote in cell 1", r.get(0).problem());
        assertEquals(List.of("next", "row"), r.get(1).cells());
        assertEquals("a quote opened in this row is never closed", r.get(2).problem());
        assertEquals(List.of("after", "z"), r.get(3).cells(), "the line after the broken quote is read again");
    }

    @Test
    void aQuoteLeftOpenForMoreThanTwentyLinesIsTakenAsBroken() {
        StringBuilder text = new StringBuilder("\"never closed\n");
        for (int i = 0; i < 30; i++) {
            text.append("06123456").append(String.format("%02d", i)).append('\n');
        }
        text.append("last\"\n");
        List<CsvRows.Record> r = records(text.toString(), ',');
        assertTrue(r.get(0).problem().startsWith("a quote opened in this row is not closed within"));
        assertEquals(List.of("0612345600"), r.get(1).cells(), "reading goes on from the next line");
    }

    @Test
    void utf8IsToldFromWindows1252AndAStrayByteLaterOnIsNotLost() throws IOException {
        byte[] cp1252 = "nom;tel\nHélène;0612345678\n".getBytes(Charset.forName("windows-1252"));
        assertEquals("windows-1252", TextEncoding.detect(new java.io.BufferedInputStream(
                new ByteArrayInputStream(cp1252)), null).encoding());
        byte[] utf8 = "nom;tel\nHélène;0612345678\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("UTF-8", TextEncoding.detect(new java.io.BufferedInputStream(
                new ByteArrayInputStream(utf8)), null).encoding());

        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.write("Zoé;".getBytes(StandardCharsets.UTF_8));
        mixed.write(new byte[]{(byte) 0xE9, (byte) 0x80});
        char[] out = new char[16];
        int n = new TextEncoding.LenientUtf8Reader(new ByteArrayInputStream(mixed.toByteArray())).read(out, 0, 16);
        assertEquals("Zoé;é€", new String(out, 0, n));
    }

    @Test
    void utf16AndBinaryFilesAreRefused() {
        ContactFileReader reader = new ContactFileReader();
        var utf16 = assertThrows(ContactFileReader.UnreadableFileException.class, () -> reader.open(
                new ByteArrayInputStream(new byte[]{(byte) 0xFF, (byte) 0xFE, 't', 0, 'e', 0, 'l', 0}), null));
        assertTrue(utf16.getMessage().contains("UTF-16"));
        var xls = assertThrows(ContactFileReader.UnreadableFileException.class, () -> reader.open(
                new ByteArrayInputStream(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2}), null));
        assertTrue(xls.getMessage().contains("XLS"));
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aZipBombIsRefusedBeforeAnyXmlIsParsed() throws IOException {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[20 << 20]);
        var refused = assertThrows(ContactFileReader.UnreadableFileException.class,
                () -> new ContactFileReader().open(new ByteArrayInputStream(bomb), null));
        assertTrue(refused.getMessage().contains("zip bomb"), refused.getMessage());

        byte[] big = zip("xl/worksheets/sheet1.xml", new java.util.Random(1).ints(3 << 20, 'a', 'z' + 1)
                .collect(ByteArrayOutputStream::new, (o, c) -> o.write(c), (a, b) -> { }).toByteArray());
        var tooBig = assertThrows(ContactFileReader.UnreadableFileException.class,
                () -> new ContactFileReader(new XlsxGuard(1 << 20, 200)).open(new ByteArrayInputStream(big), null));
        assertTrue(tooBig.getMessage().contains("more than 1 MB"), tooBig.getMessage());
    }

    @Test
    void aZipThatIsNoWorkbookIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        var refused = assertThrows(ContactFileReader.UnreadableFileException.class,
                () -> new ContactFileReader().open(new ByteArrayInputStream(bytes.toByteArray()), null));
        assertEquals("The file is a ZIP archive but not an Excel workbook (XLSX).", refused.getMessage());
    }
}
