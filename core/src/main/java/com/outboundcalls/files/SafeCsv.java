package com.outboundcalls.files;

/** Cells written into any CSV the product produces, so no report can run a formula in a spreadsheet. */
public final class SafeCsv {
    private SafeCsv() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** A formula-safe cell, quoted (RFC 4180) when it holds the delimiter, a quote or a line break. */
    public static String quoted(String value, char delimiter) {
        String safe = cell(value);
        if (safe.indexOf(delimiter) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
