package com.outboundcalls.ingest;

import com.outboundcalls.account.ContactFileFormat;
import com.outboundcalls.phone.PhoneNumberValidator;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PushbackReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a callee's number in stored files however they wrote it ({@code 06 12 34 56 78}, {@code +33612345678},
 * {@code 0033...}), and writes a CSV again without the rows that hold it: a callee's erasure.
 */
public final class NumberRedaction {

    /** What a scan of an uploaded file found. */
    public enum Holding { HOLDS, CLEAN, UNREADABLE }

    /** Generous bounds: a stored file is copied whole, not judged (the ingest judged it). */
    private static final CsvRows.Bounds COPY = new CsvRows.Bounds(100_000, 1 << 20, 1 << 26);
    private static final int SNIFF_CHARS = 1 << 16;

    private final PhoneNumberValidator validator = new PhoneNumberValidator();
    private final String e164;
    private final String region;
    private final String tail;

    /** @param region the client's default region, in which a national number of its files is read */
    public NumberRedaction(String e164, String region) {
        this.e164 = e164;
        this.region = region;
        String digits = e164.replaceAll("\\D", "");
        this.tail = digits.substring(Math.max(0, digits.length() - 6));
    }

    /** Whether a cell holds the number. */
    public boolean matches(String cell) {
        if (cell == null) {
            return false;
        }
        String digits = cell.replaceAll("\\D", "");
        if (digits.length() < 6 || !digits.endsWith(tail)) {
            return false; // most cells: no need to parse them
        }
        PhoneNumberValidator.Verdict verdict = validator.validate(cell, region, true);
        return verdict.isValid() && verdict.number().e164().equals(e164);
    }

    private boolean anyMatches(List<String> cells) {
        for (String cell : cells) {
            if (matches(cell)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an uploaded contact file (CSV or XLSX, read as the ingest reads it) holds the number in any cell. */
    public Holding scanUpload(InputStream content, ContactFileFormat agreed) {
        ContactFileReader reader = new ContactFileReader(XlsxGuard.DEFAULT, COPY);
        try (ContactFileReader.Rows rows = reader.open(content, agreed)) {
            for (ContactFileReader.Row row = rows.next(); row != null; row = rows.next()) {
                if (anyMatches(row.cells())) {
                    return Holding.HOLDS;
                }
            }
            return Holding.CLEAN;
        } catch (ContactFileReader.UnreadableFileException e) {
            return Holding.UNREADABLE;
        }
    }

    /**
     * Copies a CSV (a report) to {@code out} without the records that hold the number, in its own encoding,
     * byte-order mark and delimiter; returns how many records were left out.
     */
    public long copyCsvWithout(InputStream content, Path out) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
        TextEncoding.Detected encoding = TextEncoding.detect(in, null);
        PushbackReader text = new PushbackReader(new BufferedReader(TextEncoding.reader(in, encoding), 1 << 16),
                SNIFF_CHARS);
        char[] start = new char[SNIFF_CHARS];
        int read = text.read(start, 0, SNIFF_CHARS);
        if (read <= 0) {
            Files.write(out, new byte[0]);
            return 0;
        }
        int newline = 0;
        while (newline < read && start[newline] != '\n' && start[newline] != '\r') {
            newline++;
        }
        char delimiter = ContactFileReader.detectDelimiter(new String(start, 0, newline));
        text.unread(start, 0, read);
        CsvRows records = new CsvRows(text, delimiter, COPY);
        long removed = 0;
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), encoding.charset()))) {
            if (encoding.bom()) {
                writer.write('\uFEFF');
            }
            for (CsvRows.Record record = records.next(); record != null; record = records.next()) {
                if (anyMatches(record.cells())) {
                    removed++;
                    continue;
                }
                write(writer, record.cells(), delimiter);
            }
        }
        return removed;
    }

    private static void write(Writer writer, List<String> cells, char delimiter) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(delimiter);
            }
            String cell = cells.get(i);
            if (cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                writer.write('"');
                writer.write(cell.replace("\"", "\"\""));
                writer.write('"');
            } else {
                writer.write(cell);
            }
        }
        writer.write("\r\n");
    }
}
