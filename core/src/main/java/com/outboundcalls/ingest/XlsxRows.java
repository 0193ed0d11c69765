package com.outboundcalls.ingest;

import com.outboundcalls.account.ContactFileFormat;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The first sheet of an XLSX workbook as rows, read as a stream (one row in memory at a time) with the JDK's own
 * ZIP and StAX readers. The workbook is spooled to a temporary file first, as a ZIP archive needs its central
 * directory, and checked against the {@link XlsxGuard} before any XML is parsed. Its shared strings wait in
 * temporary files ({@link XlsxSharedStrings}); the sheet's cells read as Excel shows them: texts, numbers
 * without a trailing zero, dates (numbers whose style is a date format) as ISO dates, TRUE and FALSE, and a
 * formula's last result.
 */
final class XlsxRows implements ContactFileReader.Rows {

    /** Excel's limits: 1,048,576 rows of 16,384 columns (A to XFD). */
    static final long MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;

    private final Path spool;
    private final ZipFile zip;
    private final XlsxSharedStrings strings;
    private final XlsxStyles styles;
    private final boolean date1904;
    private final InputStream sheetPart;
    private final XMLStreamReader sheet;
    private ContactFileReader.Layout layout;
    private long lastRowNumber;
    private long lastRead;
    private SheetRow pending;

    /** A row as the sheet stores it: its number, its cells, and what is wrong with it (or null). */
    private record SheetRow(long number, List<String> cells, String problem) {
    }

    private XlsxRows(Path spool, ZipFile zip, XlsxSharedStrings strings, XlsxStyles styles, boolean date1904,
                     InputStream sheetPart, XMLStreamReader sheet) {
        this.spool = spool;
        this.zip = zip;
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.sheetPart = sheetPart;
        this.sheet = sheet;
    }

    static ContactFileReader.Rows open(InputStream in, ContactFileFormat agreed, XlsxGuard guard) throws IOException {
        Path spool = Files.createTempFile("contacts-", ".xlsx");
        ZipFile zip = null;
        XlsxSharedStrings strings = null;
        XlsxRows rows = null;
        try {
            Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            check(spool, guard);
            zip = new ZipFile(spool.toFile());
            XlsxParts parts = XlsxParts.of(zip);
            if (parts.strings() == null) {
                strings = XlsxSharedStrings.none();
            } else {
                try (InputStream part = XlsxParts.open(zip, parts.strings())) {
                    strings = XlsxSharedStrings.read(part, XlsxXml.MAX_CELL_CHARS);
                }
            }
            XlsxStyles styles = XlsxStyles.none();
            if (parts.styles() != null) {
                try (InputStream part = XlsxParts.open(zip, parts.styles())) {
                    styles = XlsxStyles.read(part);
                }
            }
            InputStream sheetPart = XlsxParts.open(zip, parts.sheet());
            rows = new XlsxRows(spool, zip, strings, styles, parts.date1904(), sheetPart,
                    XlsxXml.reader(sheetPart));
            SheetRow first = rows.read();
            while (first != null && (first.problem() != null || ContactFileReader.isBlank(first.cells()))) {
                if (first.problem() != null) {
                    throw new ContactFileReader.UnreadableFileException("The first row cannot be read: "
                            + first.problem() + ".");
                }
                first = rows.read();
            }
            if (first == null) {
                throw new ContactFileReader.UnreadableFileException("The workbook's first sheet is empty.");
            }
            boolean headerRow = agreed == null || agreed.headerRow();
            List<String> firstCells = first.cells();
            rows.layout = ContactFileReader.layoutOf(ContactFileReader.Kind.XLSX, ',', null, headerRow,
                    headerRow ? firstCells.stream().map(String::strip).toList() : null, agreed, firstCells.size());
            rows.lastRowNumber = headerRow ? first.number() : first.number() - 1;
            rows.pending = headerRow ? null : first;
            return rows;
        } catch (ContactFileReader.UnreadableFileException | IOException e) {
            closeQuietly(rows, zip, strings, spool);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(rows, zip, strings, spool);
            throw new ContactFileReader.UnreadableFileException(
                    "The file looks like an Excel workbook (XLSX) but cannot be opened as one.");
        }
    }

    private static void check(Path spool, XlsxGuard guard) throws IOException {
        boolean workbook = false;
        long unpacked = 0;
        try (ZipFile zip = new ZipFile(spool.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                workbook |= entry.getName().equals(XlsxParts.WORKBOOK);
                long size = entry.getSize();
                long packed = Math.max(entry.getCompressedSize(), 1);
                if (size < 0 || size / packed > guard.maxExpansionRatio()) {
                    throw new ContactFileReader.UnreadableFileException(
                            "The workbook is refused: one of its parts would unpack to more than "
                                    + guard.maxExpansionRatio() + " times its size (a zip bomb).");
                }
                unpacked += size;
                if (unpacked > guard.maxUnpackedBytes()) {
                    throw new ContactFileReader.UnreadableFileException(
                            "The workbook is refused: it would unpack to more than "
                                    + guard.maxUnpackedBytes() / (1 << 20) + " MB.");
                }
            }
        } catch (ZipException e) {
            throw new ContactFileReader.UnreadableFileException("The file is a damaged ZIP archive, not a workbook.");
        }
        if (!workbook) {
            throw new ContactFileReader.UnreadableFileException(
                    "The file is a ZIP archive but not an Excel workbook (XLSX).");
        }
    }

    @Override
    public ContactFileReader.Layout layout() {
        return layout;
    }

    @Override
    public ContactFileReader.Row next() {
        SheetRow row = pending;
        if (row != null) {
            pending = null;
        } else {
            row = read();
            if (row == null) {
                return null;
            }
        }
        if (row.number() > lastRowNumber + 1) {
            // Rows Excel did not store are empty rows of the sheet: skipped one at a time, in order.
            pending = row;
            lastRowNumber++;
            return new ContactFileReader.Row(lastRowNumber, List.of(), true, null);
        }
        lastRowNumber = row.number();
        List<String> cells = new ArrayList<>(row.cells());
        while (cells.size() < layout.header().size()) {
            // A sheet's missing trailing cells are empty cells: a workbook row is never malformed by its length.
            cells.add("");
        }
        return new ContactFileReader.Row(row.number(), cells, ContactFileReader.isBlank(cells), row.problem());
    }

    /** The sheet's next stored row, or null after its last. */
    private SheetRow read() {
        try {
            while (sheet.hasNext()) {
                int event = sheet.next();
                if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("row")) {
                    return row();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw XlsxXml.damaged("its first sheet", e);
        }
    }

    private SheetRow row() throws XMLStreamException {
        String r = sheet.getAttributeValue(null, "r");
        long number = r == null ? lastRead + 1 : rowNumber(r);
        if (number <= lastRead) {
            throw new ContactFileReader.UnreadableFileException("The workbook is damaged: its row " + number
                    + " comes after row " + lastRead + ".");
        }
        lastRead = number;
        List<String> cells = new ArrayList<>();
        String problem = null;
        int column = -1;
        while (true) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("row")) {
                return new SheetRow(number, cells, problem);
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the sheet ends inside a row");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!sheet.getLocalName().equals("c")) {
                XlsxXml.skip(sheet);
                continue;
            }
            String reference = sheet.getAttributeValue(null, "r");
            column = reference == null ? column + 1 : column(reference);
            if (column >= MAX_COLUMNS) {
                throw new ContactFileReader.UnreadableFileException("The workbook is refused: row " + number
                        + " has a cell beyond column XFD, the last Excel has.");
            }
            Cell cell = cell();
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, cell.text());
            if (problem == null && cell.problem() != null) {
                problem = cell.problem();
            }
        }
    }

    private record Cell(String text, String problem) {
    }

    /** The cell the reader is on, read to its end: its text as Excel shows it. */
    private Cell cell() throws XMLStreamException {
        String type = sheet.getAttributeValue(null, "t");
        String style = sheet.getAttributeValue(null, "s");
        String value = null;
        String inline = null;
        while (true) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the sheet ends inside a cell");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (sheet.getLocalName()) {
                    case "v" -> value = XlsxXml.value(sheet, XlsxXml.MAX_CELL_CHARS);
                    case "is" -> inline = XlsxXml.text(sheet, "is", XlsxXml.MAX_CELL_CHARS);
                    default -> XlsxXml.skip(sheet);
                }
            }
        }
        return text(type == null ? "n" : type, style, value, inline);
    }

    private Cell text(String type, String style, String value, String inline) {
        switch (type) {
            case "inlineStr":
                return new Cell(inline == null ? "" : inline, null);
            case "s":
                String shared = value == null ? null : sharedString(value.trim());
                return shared == null
                        ? new Cell("", "a cell refers to a shared text the workbook does not hold")
                        : new Cell(shared, null);
            case "str":
                return new Cell(value == null ? "" : value, null);
            case "b":
                return new Cell(value == null || value.isBlank() ? ""
                        : value.trim().equals("1") || value.trim().equalsIgnoreCase("true") ? "TRUE" : "FALSE", null);
            case "e":
                return new Cell("", null);
            case "d":
                return new Cell(value == null ? "" : isoDate(value.trim()), null);
            default:
                if (value == null || value.isBlank()) {
                    return new Cell("", null);
                }
                return number(value.trim(), style);
        }
    }

    private String sharedString(String index) {
        try {
            return strings.get(Long.parseLong(index));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Cell number(String value, String style) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return new Cell(value, "a number cell holds text that is not a number");
        }
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return new Cell(value, "a number cell holds text that is not a number");
        }
        if (style != null && styles.isDate(styleIndex(style)) && isExcelDate(number)) {
            return new Cell(excelDate(number, date1904).toString(), null);
        }
        return new Cell(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString(), null);
    }

    private static int styleIndex(String style) {
        try {
            return Integer.parseInt(style.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Excel's dates run from day 0 to 9999-12-31 (day 2,958,465 in the 1900 system). */
    private static boolean isExcelDate(double days) {
        return days >= 0 && days < 2_958_466;
    }

    /**
     * The day a serial number stands for. In the 1900 system day 1 is 1900-01-01, and day 60 is the 29th of
     * February 1900 that never was (kept for Lotus 1-2-3), so days from 61 on are one later than counted; in the
     * 1904 system day 0 is 1904-01-01. A time within half a millisecond of midnight is the next day.
     */
    static LocalDate excelDate(double serial, boolean date1904) {
        long days = (long) Math.floor(serial);
        long millis = Math.round((serial - days) * 86_400_000d);
        if (millis >= 86_400_000L) {
            days++;
        }
        if (date1904) {
            return LocalDate.of(1904, 1, 1).plusDays(days);
        }
        return LocalDate.of(1899, 12, 31).plusDays(days < 61 ? days : days - 1);
    }

    /** A cell of type {@code d} holds an ISO 8601 date or date-time: its date part. */
    private static String isoDate(String value) {
        return value.length() >= 10 && value.charAt(4) == '-' && value.charAt(7) == '-' ? value.substring(0, 10) : value;
    }

    /** The row number of a cell or row reference ({@code 12}, {@code B12}). */
    private static long rowNumber(String reference) {
        String digits = reference.trim().replaceFirst("^[A-Za-z]+", "");
        long number;
        try {
            number = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new ContactFileReader.UnreadableFileException("The workbook is damaged: \"" + abbreviate(reference)
                    + "\" is not a row number.");
        }
        if (number < 1 || number > MAX_ROWS) {
            throw new ContactFileReader.UnreadableFileException("The workbook is refused: its row " + number
                    + " lies beyond row " + MAX_ROWS + ", the last Excel has.");
        }
        return number;
    }

    /** The 0-based column of a cell reference ({@code B12} is 1). */
    private static int column(String reference) {
        int column = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            letters++;
            if (letters > 3) {
                return MAX_COLUMNS;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        if (letters == 0) {
            throw new ContactFileReader.UnreadableFileException("The workbook is damaged: \"" + abbreviate(reference)
                    + "\" is not a cell reference.");
        }
        return column - 1;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    @Override
    public void close() {
        closeQuietly(this, zip, strings, spool);
    }

    private static void closeQuietly(XlsxRows rows, ZipFile zip, XlsxSharedStrings strings, Path spool) {
        try {
            if (rows != null) {
                rows.sheet.close();
                rows.sheetPart.close();
            }
        } catch (XMLStreamException | IOException ignored) {
            // the archive is closed below either way
        }
        try {
            if (zip != null) {
                zip.close();
            }
        } catch (IOException ignored) {
            // the spool is deleted below either way
        }
        if (strings != null) {
            strings.close();
        }
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
