package com.outboundcalls.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader that survives what people do to CSV files: quoted delimiters and newlines, CRLF or LF,
 * a doubled quote inside quotes, text after a closing quote, and a quote never closed. A broken record is
 * returned with its problem and reading goes on from the next line, so one bad cell never swallows the rest
 * of the file.
 */
public final class CsvRows {

    /** A quoted cell may span this many lines; beyond, its opening quote is taken as broken. */
    static final int MAX_LINES_IN_QUOTED_CELL = 20;
    static final int MAX_QUOTED_CELL_CHARS = 32_768;

    /**
     * How much of a record is kept: a record past any bound is read to its end without keeping more (memory stays
     * bounded whatever the file), and returned with the bound it broke as its problem.
     */
    public record Bounds(int maxColumns, int maxCellChars, int maxRecordChars) {
        public static final Bounds DEFAULT = new Bounds(500, MAX_QUOTED_CELL_CHARS, 1 << 20);

        public Bounds {
            if (maxColumns < 1 || maxCellChars < 1 || maxRecordChars < maxCellChars) {
                throw new IllegalArgumentException("bounds must allow one cell of the longest size");
            }
        }
    }

    /**
     * One record: its cells, why it is broken (null when it is not), and whether it went past the bounds (its cells
     * are then cut short).
     */
    public record Record(List<String> cells, String problem, boolean overrun) {
        public Record(List<String> cells, String problem) {
            this(cells, problem, false);
        }
    }

    private final Reader in;
    private final char delimiter;
    private final Bounds bounds;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private String pushback = "";
    private int pushbackPosition;
    private boolean eof;

    public CsvRows(Reader in, char delimiter) {
        this(in, delimiter, Bounds.DEFAULT);
    }

    public CsvRows(Reader in, char delimiter, Bounds bounds) {
        this.in = in;
        this.delimiter = delimiter;
        this.bounds = bounds;
    }

    /** What one record keeps, within the bounds. */
    private final class Kept {
        final List<String> cells = new ArrayList<>(8);
        final StringBuilder field = new StringBuilder(24);
        String problem;
        String overrun;
        long chars;

        void append(char c) {
            chars++;
            if (overrun != null) {
                return;
            }
            if (chars > bounds.maxRecordChars()) {
                overrun = "the row is longer than " + bounds.maxRecordChars() + " characters";
            } else if (field.length() >= bounds.maxCellChars()) {
                overrun = "cell " + (cells.size() + 1) + " is longer than " + bounds.maxCellChars() + " characters";
            } else {
                field.append(c);
            }
        }

        void append(String text) {
            for (int i = 0; i < text.length(); i++) {
                append(text.charAt(i));
            }
        }

        void endCell() {
            if (overrun == null && cells.size() >= bounds.maxColumns()) {
                overrun = "the row has more than " + bounds.maxColumns() + " columns";
            }
            if (overrun == null) {
                cells.add(field.toString());
            }
            field.setLength(0);
        }

        Record record(String broken) {
            String why = overrun != null ? overrun : broken != null ? broken : problem;
            return new Record(cells, why, overrun != null);
        }
    }

    /** The next record, or null at the end of the file. */
    public Record next() {
        int c = read();
        if (c < 0) {
            return null;
        }
        Kept kept = new Kept();
        while (true) {
            if (c < 0 || c == '\n') {
                kept.endCell();
                return kept.record(null);
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                kept.endCell();
                return kept.record(null);
            }
            if (c == delimiter) {
                kept.endCell();
                c = read();
                continue;
            }
            if (c == '"' && kept.field.isEmpty()) {
                QuotedCell quoted = readQuoted();
                if (quoted.broken != null) {
                    // Take the line up to the opening quote's first newline as the broken row; read on after it.
                    kept.append('"');
                    kept.append(quoted.firstLine);
                    kept.endCell();
                    pushback = quoted.restAfterFirstLine + pushback.substring(pushbackPosition);
                    pushbackPosition = 0;
                    return kept.record(quoted.broken);
                }
                kept.append(quoted.text);
                c = read();
                if (c >= 0 && c != delimiter && c != '\n' && c != '\r' && kept.problem == null) {
                    kept.problem = "text follows a closing quote in cell " + (kept.cells.size() + 1);
                }
                while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                    kept.append((char) c);
                    c = read();
                }
                continue;
            }
            kept.append((char) c);
            c = read();
        }
    }

    private record QuotedCell(String text, String broken, String firstLine, String restAfterFirstLine) {
    }

    private QuotedCell readQuoted() {
        StringBuilder text = new StringBuilder(32);
        StringBuilder raw = new StringBuilder(32);
        int newlines = 0;
        int firstNewline = -1;
        while (true) {
            int c = read();
            if (c < 0) {
                return broken(raw, firstNewline, "a quote opened in this row is never closed");
            }
            raw.append((char) c);
            if (c == '"') {
                if (peek() == '"') {
                    raw.append((char) read());
                    text.append('"');
                    continue;
                }
                return new QuotedCell(text.toString(), null, null, null);
            }
            if (c == '\n') {
                if (firstNewline < 0) {
                    firstNewline = raw.length() - 1;
                }
                if (++newlines > MAX_LINES_IN_QUOTED_CELL) {
                    return broken(raw, firstNewline, "a quote opened in this row is not closed within "
                            + MAX_LINES_IN_QUOTED_CELL + " lines");
                }
            }
            if (raw.length() > MAX_QUOTED_CELL_CHARS) {
                return broken(raw, firstNewline, "a quoted cell of this row runs past "
                        + MAX_QUOTED_CELL_CHARS + " characters");
            }
            text.append((char) c);
        }
    }

    private static QuotedCell broken(StringBuilder raw, int firstNewline, String why) {
        if (firstNewline < 0) {
            return new QuotedCell(null, why, stripCr(raw.toString()), "");
        }
        return new QuotedCell(null, why, stripCr(raw.substring(0, firstNewline)), raw.substring(firstNewline + 1));
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private int read() {
        if (pushbackPosition < pushback.length()) {
            return pushback.charAt(pushbackPosition++);
        }
        if (position >= limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() {
        if (pushbackPosition < pushback.length()) {
            return pushback.charAt(pushbackPosition);
        }
        if (position >= limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
