package com.outboundcalls.ingest;

import com.github.pjfanning.xlsx.StreamingReader;
import com.outboundcalls.account.ContactFileFormat;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The first sheet of an XLSX workbook as rows, read as a stream (a few rows in memory at a time) with Apache
 * POI's streaming reader. The workbook is spooled to a temporary file first, as a ZIP archive needs its
 * central directory, and checked against the {@link XlsxGuard} before any XML is parsed.
 */
final class XlsxRows implements ContactFileReader.Rows {

    private final Path spool;
    private final Workbook workbook;
    private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
    private final ContactFileReader.Layout layout;
    private long lastRowNumber;
    private org.apache.poi.ss.usermodel.Row pending;

    private XlsxRows(Path spool, Workbook workbook, Iterator<org.apache.poi.ss.usermodel.Row> rows,
                     ContactFileReader.Layout layout, long headerRowNumber, org.apache.poi.ss.usermodel.Row pending) {
        this.spool = spool;
        this.workbook = workbook;
        this.rows = rows;
        this.layout = layout;
        this.lastRowNumber = headerRowNumber;
        this.pending = pending;
    }

    static ContactFileReader.Rows open(InputStream in, ContactFileFormat agreed, XlsxGuard guard) throws IOException {
        Path spool = Files.createTempFile("contacts-", ".xlsx");
        Workbook workbook = null;
        try {
            Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            check(spool, guard);
            workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(1 << 16)
                    .setUseSstTempFile(true).setReadComments(false).setReadHyperlinks(false)
                    .setReadShapes(false).setReadCoreProperties(false).open(spool.toFile());
            if (workbook.getNumberOfSheets() == 0) {
                throw new ContactFileReader.UnreadableFileException("The workbook has no sheet.");
            }
            Sheet sheet = workbook.getSheetAt(0);
            Iterator<org.apache.poi.ss.usermodel.Row> rows = sheet.rowIterator();
            org.apache.poi.ss.usermodel.Row first = null;
            while (rows.hasNext() && first == null) {
                org.apache.poi.ss.usermodel.Row candidate = rows.next();
                if (!ContactFileReader.isBlank(cells(candidate, -1))) {
                    first = candidate;
                }
            }
            if (first == null) {
                throw new ContactFileReader.UnreadableFileException("The workbook's first sheet is empty.");
            }
            boolean headerRow = agreed == null || agreed.headerRow();
            List<String> firstCells = cells(first, -1);
            ContactFileReader.Layout layout = ContactFileReader.layoutOf(ContactFileReader.Kind.XLSX, ',', null,
                    headerRow, headerRow ? firstCells.stream().map(String::strip).toList() : null, agreed,
                    firstCells.size());
            long headerRowNumber = headerRow ? first.getRowNum() + 1 : first.getRowNum();
            return new XlsxRows(spool, workbook, rows, layout, headerRowNumber, headerRow ? null : first);
        } catch (ContactFileReader.UnreadableFileException e) {
            closeQuietly(workbook, spool);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(workbook, spool);
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
                workbook |= entry.getName().equals("xl/workbook.xml");
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
        org.apache.poi.ss.usermodel.Row row;
        if (pending != null) {
            row = pending;
            pending = null;
        } else if (rows.hasNext()) {
            row = rows.next();
        } else {
            return null;
        }
        long number = row.getRowNum() + 1L;
        if (number > lastRowNumber + 1) {
            // Rows Excel did not store are empty rows of the sheet: skipped one at a time, in order.
            pending = row;
            lastRowNumber++;
            return new ContactFileReader.Row(lastRowNumber, List.of(), true, null);
        }
        lastRowNumber = number;
        List<String> cells = cells(row, layout.header().size());
        boolean blank = ContactFileReader.isBlank(cells);
        // A sheet's missing trailing cells are empty cells: a workbook row is never malformed by its length.
        return new ContactFileReader.Row(number, cells, blank, null);
    }

    /** The row's cells as text, padded with empty cells up to {@code width} (or its own last cell). */
    private static List<String> cells(org.apache.poi.ss.usermodel.Row row, int width) {
        int last = Math.max(row.getLastCellNum(), width);
        List<String> cells = new ArrayList<>(Math.max(last, 0));
        for (int i = 0; i < last; i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    @Override
    public void close() {
        closeQuietly(workbook, spool);
    }

    private static void closeQuietly(Workbook workbook, Path spool) {
        try {
            if (workbook != null) {
                workbook.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // the spool is deleted below either way
        }
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
