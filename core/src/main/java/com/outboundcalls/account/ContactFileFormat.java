package com.outboundcalls.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The layout of a client's contact files agreed when the order was placed; it binds both sides. Columns
 * are named by their header (when the file has one) or by their position, counted from 1 ("3").
 *
 * @param delimiter  the cell separator, or null to detect it among {@code ,} {@code ;} and tab
 * @param encoding   UTF-8 or windows-1252, or null to detect it
 * @param headerRow  whether the first row holds column names
 * @param phone      the phone column (required)
 * @param attributes columns that travel to the call, by attribute name
 */
public record ContactFileFormat(Character delimiter, String encoding, boolean headerRow, String phone,
                                String firstName, String lastName, String company, String country, String consent,
                                Map<String, String> attributes) {

    public ContactFileFormat {
        Objects.requireNonNull(phone, "an agreed format names its phone column");
        attributes = attributes == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(attributes));
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("windows-1252")) {
            throw new IllegalArgumentException("encoding must be UTF-8 or windows-1252, not " + encoding);
        }
        if (delimiter != null && delimiter != ',' && delimiter != ';' && delimiter != '\t' && delimiter != '|') {
            throw new IllegalArgumentException("delimiter must be one of , ; tab |");
        }
        if (!headerRow) {
            java.util.List<String> named = new java.util.ArrayList<>(java.util.Arrays.asList(
                    phone, firstName, lastName, company, country, consent));
            named.addAll(attributes.values());
            for (String column : named) {
                if (column != null && positionOf(column) < 0) {
                    throw new IllegalArgumentException(
                            "without a header row, columns are positions counted from 1, not '" + column + "'");
                }
            }
        }
    }

    /** The 0-based index a column spec names by position, or -1 when it is a header name. */
    public static int positionOf(String column) {
        if (column == null || column.isEmpty() || !column.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int position = Integer.parseInt(column);
        if (position < 1) {
            throw new IllegalArgumentException("column positions count from 1");
        }
        return position - 1;
    }
}
