package com.outboundcalls.files;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one way the product writes a CSV cell, so that no report can run a formula in a spreadsheet: a text cell
 * whose first visible character could start a formula ({@code = + - @}, their full-width forms, or a tab or carriage
 * return) gets a leading apostrophe, whatever spaces come before it; a cell holding the delimiter, a quote or a line
 * break is quoted (RFC 4180). Numbers are written as numbers.
 */
public final class SafeCsv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}([.,]\\d{1,12})?");

    private SafeCsv() {
    }

    /** A text cell made formula-safe (not quoted). */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return "'" + value;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            return startsFormula(c) ? "'" + value : value;
        }
        return value;
    }

    private static boolean startsFormula(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFE63', '\uFE62', '\uFF20', '\u2212' -> true;
            default -> false;
        };
    }

    /** A formula-safe text cell, quoted (RFC 4180) when it holds the delimiter, a quote or a line break. */
    public static String quoted(String value, char delimiter) {
        return quote(cell(value), delimiter);
    }

    /** A number as it is ({@code -5,00} stays a number); anything else is taken as text. */
    public static String number(String value, char delimiter) {
        return value != null && NUMBER.matcher(value).matches() ? quote(value, delimiter) : quoted(value, delimiter);
    }

    /** One line of text cells, each formula-safe and quoted as needed, ended by CRLF. */
    public static String line(char delimiter, List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            out.append(quoted(cells.get(i), delimiter));
        }
        return out.append("\r\n").toString();
    }

    private static String quote(String safe, char delimiter) {
        if (safe.indexOf(delimiter) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
