package com.outboundcalls.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workbooks written part by part, as Excel and other spreadsheets write them, read back as contact rows. */
class XlsxRowsTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** A workbook's parts; the sheet, shared strings and styles are set by each test. */
    private static final class Workbook {
        final Map<String, String> parts = new LinkedHashMap<>();
        String workbookPr = "";

        Workbook sheet(String rows) {
            parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                    + MAIN + "\"><sheetData>" + rows + "</sheetData></worksheet>");
            return this;
        }

        Workbook strings(String... items) {
            parts.put("xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\" count=\"" + items.length + "\">"
                    + String.join("", items) + "</sst>");
            return this;
        }

        Workbook styles(String numFmts, String... cellFormats) {
            parts.put("xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\"><numFmts>" + numFmts + "</numFmts>"
                    + "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>"
                    + Stream.of(cellFormats).map(id -> "<xf numFmtId=\"" + id + "\"/>").collect(Collectors.joining())
                    + "</cellXfs></styleSheet>");
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">" + workbookPr
                        + "<sheets><sheet name=\"Contacts\" sheetId=\"1\" r:id=\"rId7\"/>"
                        + "<sheet name=\"Other\" sheetId=\"2\" r:id=\"rId8\"/></sheets></workbook>");
                put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
                        + "package/2006/relationships\">"
                        + "<Relationship Id=\"rId8\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/other.xml\"/>"
                        + "<Relationship Id=\"rId7\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "<Relationship Id=\"rId2\" Type=\"" + REL + "/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
                        + "<Relationship Id=\"rId3\" Type=\"" + REL + "/styles\" Target=\"../xl/styles.xml\"/>"
                        + "</Relationships>");
                put(zip, "xl/worksheets/other.xml", "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">"
                        + "<c r=\"A1\" t=\"inlineStr\"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>");
                for (Map.Entry<String, String> part : parts.entrySet()) {
                    put(zip, part.getKey(), part.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static List<ContactFileReader.Row> rows(Workbook workbook) {
        try (ContactFileReader.Rows rows = new ContactFileReader().open(new ByteArrayInputStream(workbook.bytes()),
                null)) {
            List<ContactFileReader.Row> read = new ArrayList<>();
            for (ContactFileReader.Row row = rows.next(); row != null; row = rows.next()) {
                read.add(row);
            }
            return read;
        }
    }

    private static String refusal(Workbook workbook) {
        return assertThrows(ContactFileReader.UnreadableFileException.class, () -> rows(workbook)).getMessage();
    }

    private static String header() {
        return "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>phone</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>note</t></is>"
                + "</c></row>";
    }

    @Test
    void theFirstSheetsCellsReadAsExcelShowsThem() {
        Workbook workbook = new Workbook()
                .strings("<si><t>Durand</t></si>",
                        "<si><r><t>Le</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> Gall</t></r></si>",
                        "<si><t>山田</t><rPh sb=\"0\" eb=\"2\"><t>ヤマダ</t></rPh></si>",
                        "<si><t>Tom &amp; Jerry</t></si>")
                .sheet(header()
                        + "<row r=\"2\"><c r=\"A2\"><v>612345678</v></c><c r=\"B2\" t=\"s\"><v>0</v></c>"
                        + "<c r=\"C2\"><v>1.5E-3</v></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>\"+33\"&amp;\"611\"</f><v>+33611</v></c>"
                        + "<c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"C3\" t=\"b\"><v>1</v></c></row>"
                        + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>06 11 22 33 44</t></is></c>"
                        + "<c r=\"B4\" t=\"s\"><v>2</v></c><c r=\"C4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>"
                        + "<row r=\"5\"><c r=\"A5\"><v>33.10</v></c><c r=\"B5\" t=\"s\"><v>3</v></c>"
                        + "<c r=\"C5\" t=\"b\"><v>0</v></c></row>");
        List<ContactFileReader.Row> rows = rows(workbook);
        assertEquals(List.of("612345678", "Durand", "0.0015"), rows.get(0).cells());
        assertEquals(List.of("+33611", "Le Gall", "TRUE"), rows.get(1).cells(), "formula results and rich text");
        assertEquals(List.of("06 11 22 33 44", "山田", ""), rows.get(2).cells(), "no phonetic guide, no error text");
        assertEquals(List.of("33.1", "Tom & Jerry", "FALSE"), rows.get(3).cells());
        assertEquals(List.of(2L, 3L, 4L, 5L), rows.stream().map(ContactFileReader.Row::row).toList());
    }

    @Test
    void numbersInADateStyleReadAsIsoDatesAndOtherFormatsStayNumbers() {
        Workbook workbook = new Workbook()
                .styles("<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
                                + "<numFmt numFmtId=\"165\" formatCode=\"[Red]0.00;[Blue]\\-0.00\"/>"
                                + "<numFmt numFmtId=\"166\" formatCode=\"&quot;day &quot;0\"/>"
                                + "<numFmt numFmtId=\"167\" formatCode=\"[$-40C]d\\ mmmm\\ yyyy;@\"/>",
                        "0", "14", "164", "165", "166", "167", "22")
                .sheet(header()
                        + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>46359</v></c><c r=\"B2\" s=\"2\"><v>46359.75</v></c>"
                        + "<c r=\"C2\" s=\"3\"><v>46359</v></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" s=\"4\"><v>12</v></c><c r=\"B3\" s=\"5\"><v>59</v></c>"
                        + "<c r=\"C3\" s=\"6\"><v>61.9999999999</v></c></row>"
                        + "<row r=\"4\"><c r=\"A4\" s=\"0\"><v>46359</v></c><c r=\"B4\" s=\"1\"><v>-3</v></c></row>");
        List<ContactFileReader.Row> rows = rows(workbook);
        assertEquals(List.of("2026-12-03", "2026-12-03", "46359"), rows.get(0).cells());
        assertEquals(List.of("12", "1900-02-28", "1900-03-02"), rows.get(1).cells(),
                "day 59 is 28 February 1900; a time within half a millisecond of midnight is the next day");
        assertEquals(List.of("46359", "-3", ""), rows.get(2).cells(), "no date style, or no date before day 0");
    }

    @Test
    void aWorkbookCountingFrom1904ShiftsItsDates() {
        Workbook workbook = new Workbook().styles("", "14").sheet(header()
                + "<row r=\"2\"><c r=\"A2\" s=\"0\"><v>44897</v></c></row>");
        workbook.workbookPr = "<workbookPr date1904=\"1\"/>";
        assertEquals("2026-12-03", rows(workbook).get(0).cells().get(0));
        assertEquals(LocalDate.of(2026, 12, 3), XlsxRows.excelDate(46359, false));
    }

    @Test
    void rowsAndCellsWithoutReferencesFollowTheirNeighboursAndMissingRowsReadBlank() {
        Workbook workbook = new Workbook().sheet(header()
                + "<row><c t=\"inlineStr\"><is><t>0611</t></is></c><c t=\"inlineStr\"><is><t>A</t></is></c></row>"
                + "<row r=\"5\"><c r=\"C5\" t=\"inlineStr\"><is><t>third column</t></is></c></row>"
                + "<row r=\"6\"/>"
                + "<row r=\"7\"><c r=\"A7\"><v>612</v></c><c><v>7</v></c></row>");
        List<ContactFileReader.Row> rows = rows(workbook);
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), rows.stream().map(ContactFileReader.Row::row).toList());
        assertEquals(List.of("0611", "A", ""), rows.get(0).cells());
        assertTrue(rows.get(1).blank() && rows.get(2).blank() && rows.get(4).blank());
        assertEquals(List.of("", "", "third column"), rows.get(3).cells());
        assertEquals(List.of("612", "7", ""), rows.get(5).cells());
    }

    @Test
    void aCellPointingPastTheSharedTextsMakesItsRowMalformedOnly() {
        Workbook workbook = new Workbook().strings("<si><t>Durand</t></si>").sheet(header()
                + "<row r=\"2\"><c r=\"A2\"><v>611</v></c><c r=\"B2\" t=\"s\"><v>99</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>612</v></c><c r=\"B3\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\"><v>six</v></c></row>");
        List<ContactFileReader.Row> rows = rows(workbook);
        assertEquals("a cell refers to a shared text the workbook does not hold", rows.get(0).problem());
        assertNull(rows.get(1).problem());
        assertEquals(List.of("612", "Durand", ""), rows.get(1).cells());
        assertEquals("a number cell holds text that is not a number", rows.get(2).problem());
    }

    @Test
    void forgedWorkbooksAreRefusedWithAReason() {
        assertEquals("The workbook is refused: row 2 has a cell beyond column XFD, the last Excel has.",
                refusal(new Workbook().sheet(header() + "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>")));
        assertEquals("The workbook is refused: its row 2000000 lies beyond row 1048576, the last Excel has.",
                refusal(new Workbook().sheet(header() + "<row r=\"2000000\"><c><v>1</v></c></row>")));
        assertEquals("The workbook is damaged: its row 1 comes after row 3.", refusal(new Workbook().sheet(
                "<row r=\"3\"><c t=\"inlineStr\"><is><t>phone</t></is></c></row><row r=\"1\"/>")));
        assertEquals("The workbook is refused: a cell holds more than 32767 characters, more than Excel allows.",
                refusal(new Workbook().sheet(header() + "<row r=\"2\"><c t=\"inlineStr\"><is><t>"
                        + "x".repeat(40_000) + "</t></is></c></row>")));
        assertEquals("The workbook is damaged: its first sheet cannot be read as XML.",
                refusal(new Workbook().sheet(header() + "<row r=\"2\"><c><v>1</v></row>")));
        Workbook noSheet = new Workbook();
        assertEquals("The workbook is damaged: its first sheet is missing from the file.", refusal(noSheet));
        assertEquals("The workbook's first sheet is empty.", refusal(new Workbook().sheet("<row r=\"1\"/>")));
    }

    @Test
    void aPartThatInflatesPastTheSizeItsArchiveDeclaresIsRefused() {
        byte[] bytes = new Workbook().sheet(header() + "<row r=\"2\"><c t=\"inlineStr\"><is><t>"
                + "a".repeat(30_000) + "</t></is></c></row>").bytes();
        // The central directory's record of the sheet says it unpacks to 100 bytes.
        byte[] name = "xl/worksheets/sheet1.xml".getBytes(StandardCharsets.UTF_8);
        boolean patched = false;
        for (int i = 0; i + 46 + name.length <= bytes.length && !patched; i++) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                bytes[i + 24] = 100;
                bytes[i + 25] = 0;
                bytes[i + 26] = 0;
                bytes[i + 27] = 0;
                patched = true;
            }
        }
        assertTrue(patched);
        var refused = assertThrows(ContactFileReader.UnreadableFileException.class, () -> {
            try (ContactFileReader.Rows rows = new ContactFileReader().open(new ByteArrayInputStream(bytes), null)) {
                while (rows.next() != null) {
                    // read to the end
                }
            }
        });
        assertEquals("The workbook is refused: one of its parts unpacks to more than the archive declares "
                + "(a zip bomb).", refused.getMessage());
    }

    @Test
    void aDocumentTypeDeclarationIsNeverFollowed() throws IOException {
        Path secret = Files.createTempFile("xlsx-secret-", ".txt");
        Files.writeString(secret, "the secret");
        try {
            Workbook workbook = new Workbook().strings("<si><t>&xxe;</t></si>").sheet(header()
                    + "<row r=\"2\"><c r=\"A2\"><v>611</v></c><c r=\"B2\" t=\"s\"><v>0</v></c></row>");
            workbook.parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \""
                    + secret.toUri() + "\">]>" + workbook.parts.get("xl/sharedStrings.xml"));
            String refusal = refusal(workbook);
            assertEquals("The workbook is damaged: its shared texts cannot be read as XML.", refusal);
            assertFalse(refusal.contains("secret"));
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void noTemporaryFileOutlivesTheReadingWhateverItsEnd() throws IOException {
        Set<Path> before = spooled();
        Workbook good = new Workbook().strings("<si><t>Durand</t></si>").sheet(header()
                + "<row r=\"2\"><c r=\"A2\"><v>611</v></c><c r=\"B2\" t=\"s\"><v>0</v></c></row>");
        assertEquals(1, rows(good).size());
        refusal(new Workbook().strings("<si><t>Durand</t></si>").sheet(header() + "<row r=\"2\"><c r=\"XFE2\"/></row>"));
        refusal(new Workbook().strings("<si><t>Durand").sheet(header()));
        assertEquals(before, spooled(), "the spooled workbook and its shared texts are deleted");
    }

    private static Set<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("xlsx-")
                    || f.getFileName().toString().startsWith("contacts-")).collect(Collectors.toSet());
        }
    }

    @Test
    void aSheetOfAHundredThousandDistinctNamesKeepsItsTextsOnDisk() {
        int count = 100_000;
        StringBuilder strings = new StringBuilder();
        StringBuilder sheet = new StringBuilder(header());
        for (int i = 0; i < count; i++) {
            strings.append("<si><t>Name ").append(i).append("</t></si>");
            sheet.append("<row r=\"").append(i + 2).append("\"><c><v>6").append(10_000_000 + i)
                    .append("</v></c><c t=\"s\"><v>").append(count - 1 - i).append("</v></c></row>");
        }
        Workbook workbook = new Workbook().sheet(sheet.toString());
        workbook.parts.put("xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\">" + strings + "</sst>");
        List<ContactFileReader.Row> rows = rows(workbook);
        assertEquals(count, rows.size());
        assertEquals(List.of("610000000", "Name 99999", ""), rows.get(0).cells());
        assertEquals(List.of("610099999", "Name 0", ""), rows.get(count - 1).cells());
        assertEquals("Name 50000", rows.get(49_999).cells().get(1));
    }
}
