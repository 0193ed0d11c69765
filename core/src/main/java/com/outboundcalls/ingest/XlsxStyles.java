package com.outboundcalls.ingest;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which of a workbook's cell styles show a number as a date: a date in a sheet is a number of days whose style's
 * number format is a date format, built in (by its id) or the workbook's own (by its code).
 */
final class XlsxStyles {

    /** Excel's limit on a workbook's cell styles. */
    static final int MAX_STYLES = 65_490;

    private final BitSet dateStyles;

    private XlsxStyles(BitSet dateStyles) {
        this.dateStyles = dateStyles;
    }

    static XlsxStyles none() {
        return new XlsxStyles(new BitSet());
    }

    /** Reads the styles part: its own number formats, then its cell formats ({@code cellXfs}) in order. */
    static XlsxStyles read(InputStream part) {
        try {
            XMLStreamReader xml = XlsxXml.reader(part);
            Map<Integer, String> codes = new HashMap<>();
            BitSet dates = new BitSet();
            boolean inCellFormats = false;
            int style = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("numFmt") && codes.size() < MAX_STYLES) {
                        Integer id = integer(xml.getAttributeValue(null, "numFmtId"));
                        String code = xml.getAttributeValue(null, "formatCode");
                        if (id != null && code != null) {
                            codes.put(id, code);
                        }
                    } else if (name.equals("cellXfs")) {
                        inCellFormats = true;
                    } else if (name.equals("xf") && inCellFormats) {
                        if (style >= MAX_STYLES) {
                            throw new ContactFileReader.UnreadableFileException("The workbook is refused: it has "
                                    + "more than " + MAX_STYLES + " cell styles, more than Excel allows.");
                        }
                        Integer format = integer(xml.getAttributeValue(null, "numFmtId"));
                        if (format != null && isDateFormat(format, codes.get(format))) {
                            dates.set(style);
                        }
                        style++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
                    inCellFormats = false;
                }
            }
            xml.close();
            return new XlsxStyles(dates);
        } catch (XMLStreamException e) {
            throw XlsxXml.damaged("its styles", e);
        }
    }

    /** Whether a cell of this style (its index in {@code cellXfs}) shows its number as a date. */
    boolean isDate(int style) {
        return style >= 0 && dateStyles.get(style);
    }

    /**
     * Whether a number format shows a date: the built-in date formats (14 to 22, 45 to 47, and the East Asian
     * ones, 27 to 36 and 50 to 58), or a code that, once its quoted literals, escaped characters and bracketed
     * sections (colours, conditions, locales) are removed, still has a day, month, year, hour or second in it.
     */
    static boolean isDateFormat(int id, String code) {
        if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
            return true;
        }
        if (code == null || code.isBlank()) {
            return false;
        }
        // A format of several sections: the first, for positive numbers, tells.
        StringBuilder bare = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == '[') {
                int close = code.indexOf(']', i);
                if (close < 0) {
                    break;
                }
                String inside = code.substring(i + 1, close).toLowerCase();
                if (inside.matches("h+|m+|s+")) {
                    bare.append(inside);
                }
                i = close;
            } else if (c == ';') {
                break;
            } else {
                bare.append(c);
            }
        }
        String text = bare.toString();
        if (text.equalsIgnoreCase("general") || text.contains("#") || text.contains("0") && !text.matches(".*[sS].*")) {
            return false;
        }
        return text.matches("(?s).*[dDmMyYhHsS].*");
    }

    private static Integer integer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
