package com.outboundcalls.report;

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
}
