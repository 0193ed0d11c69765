package com.outboundcalls.ingest;

import com.outboundcalls.account.ContactFileFormat;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.PushbackReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Opens a contact file as a stream of rows, whatever the client sent: CSV in UTF-8 (with or without BOM) or
 * Windows-1252, delimited by {@code ,} {@code ;} or tab, or an XLSX workbook; laid out as agreed with the
 * client, or read leniently, matching header names without regard to case or accents in French and English.
 * Any column that is not a known one travels to the call as an attribute.
 */
public final class ContactFileReader {

    static final Set<String> PHONE = Set.of("telephone", "tel", "phone", "phone_number", "mobile",
            "portable", "numero", "number", "telephone_number", "numero_de_telephone", "tel_portable", "gsm");
    static final Set<String> FIRST_NAME = Set.of("prenom", "first_name", "firstname", "given_name");
    static final Set<String> LAST_NAME = Set.of("nom", "last_name", "lastname", "name", "nom_de_famille",
            "surname", "family_name");
    static final Set<String> COMPANY = Set.of("societe", "entreprise", "company", "raison_sociale",
            "organisation", "organization");
    static final Set<String> COUNTRY = Set.of("pays", "country", "country_code", "code_pays");
    static final Set<String> CONSENT = Set.of("consentement", "consent", "date_consentement",
            "date_de_consentement", "consent_date", "preuve_consentement", "preuve_de_consentement",
            "consent_proof", "consent_reference", "opt_in", "optin");

    /** What the file turned out to be. */
    public enum Kind { CSV, XLSX }

    /**
     * The file's layout, known once its first row is read. Indexes are 0-based, -1 when absent.
     *
     * @param header the column names, or {@code column1..n} when the agreed format has no header row
     * @param width  the number of cells every CSV row must have, or -1 when rows need only reach the last
     *               column the agreed format names
     */
    public record Layout(Kind kind, char delimiter, String encoding, boolean bom, boolean headerRow,
                         List<String> header, int width, int phone, int firstName, int lastName, int company,
                         int country, int consent, Map<Integer, String> attributeColumns) {

        public int lastNamedColumn() {
            int last = Math.max(Math.max(phone, firstName), Math.max(Math.max(lastName, company),
                    Math.max(country, consent)));
            for (int i : attributeColumns.keySet()) {
                last = Math.max(last, i);
            }
            return last;
        }

        /** The delimiter as the summary shows it. */
        public String delimiterName() {
            return kind == Kind.XLSX ? null : delimiter == '\t' ? "TAB" : String.valueOf(delimiter);
        }
    }

    /**
     * One data row. {@code row} is the row number as a spreadsheet shows it (the header is row 1; a quoted
     * newline does not start a row). {@code problem} says why the row is malformed, or is null.
     */
    public record Row(long row, List<String> cells, boolean blank, String problem) {
        public boolean malformed() {
            return problem != null;
        }
    }

    /** The rows of an open file. */
    public interface Rows extends AutoCloseable {
        Layout layout();

        /** The next row, or null at the end of the file. */
        Row next();

        @Override
        void close();
    }

    /** Thrown when the file cannot be read as a contact file at all; the message is one sentence. */
    public static final class UnreadableFileException extends RuntimeException {
        public UnreadableFileException(String message) {
            super(message);
        }
    }

    /** How much of the first line tells the delimiter. */
    static final int SNIFF_CHARS = 1 << 16;

    private final XlsxGuard xlsxGuard;
    private final CsvRows.Bounds bounds;

    public ContactFileReader() {
        this(XlsxGuard.DEFAULT, CsvRows.Bounds.DEFAULT);
    }

    public ContactFileReader(XlsxGuard xlsxGuard) {
        this(xlsxGuard, CsvRows.Bounds.DEFAULT);
    }

    /** @param bounds the columns, cell and row length a CSV record may have; past them the row is rejected */
    public ContactFileReader(XlsxGuard xlsxGuard, CsvRows.Bounds bounds) {
        this.xlsxGuard = xlsxGuard;
        this.bounds = bounds;
    }

    /** Opens the file; {@code agreed} is the client's agreed format, or null to read it leniently. */
    public Rows open(InputStream content, ContactFileFormat agreed) {
        try {
            BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
            in.mark(8);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length == 0) {
                throw new UnreadableFileException("The file is empty.");
            }
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                return XlsxRows.open(in, agreed, xlsxGuard);
            }
            if (magic.length == 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF
                    && (magic[2] & 0xFF) == 0x11 && (magic[3] & 0xFF) == 0xE0) {
                throw new UnreadableFileException(
                        "The file is an old Excel workbook (XLS); save it as XLSX or CSV.");
            }
            return openCsv(in, agreed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Rows openCsv(BufferedInputStream in, ContactFileFormat agreed) throws IOException {
        TextEncoding.Detected encoding = TextEncoding.detect(in, agreed == null ? null : agreed.encoding());
        // The delimiter is told from the start of the first line, however long that line is: what was read to
        // tell it is pushed back, never re-read through a mark.
        PushbackReader text = new PushbackReader(new BufferedReader(TextEncoding.reader(in, encoding), 1 << 16),
                SNIFF_CHARS);
        char[] start = new char[SNIFF_CHARS];
        int read = 0;
        int newline = -1;
        while (read < SNIFF_CHARS && newline < 0) {
            int n = text.read(start, read, SNIFF_CHARS - read);
            if (n < 0) {
                break;
            }
            for (int i = read; i < read + n && newline < 0; i++) {
                if (start[i] == '\n' || start[i] == '\r') {
                    newline = i;
                }
            }
            read += n;
        }
        String firstLine = new String(start, 0, newline < 0 ? read : newline);
        if (firstLine.isBlank()) {
            throw new UnreadableFileException("The file is empty.");
        }
        text.unread(start, 0, read);
        char delimiter = agreed != null && agreed.delimiter() != null ? agreed.delimiter() : detectDelimiter(firstLine);
        CsvRows csv = new CsvRows(text, delimiter, bounds);
        boolean headerRow = agreed == null || agreed.headerRow();
        List<String> header;
        long rowNumber = 0;
        List<String> firstRecordCells = null;
        if (headerRow) {
            CsvRows.Record first = csv.next();
            if (first.overrun()) {
                throw new UnreadableFileException("The header line cannot be read: " + first.problem()
                        + ". Keep only the columns of the agreed format.");
            }
            header = first.cells().stream().map(String::strip).toList();
            rowNumber = 1;
        } else {
            CsvRows.Record first = csv.next();
            firstRecordCells = first.cells();
            header = null;
        }
        Layout layout = layoutOf(Kind.CSV, delimiter, encoding, headerRow, header, agreed,
                firstRecordCells == null ? 0 : firstRecordCells.size());
        return new CsvContactRows(csv, layout, rowNumber, firstRecordCells, text);
    }

    private static final class CsvContactRows implements Rows {
        private final CsvRows csv;
        private final Layout layout;
        private final Reader source;
        private long rowNumber;
        private List<String> pendingFirst;

        CsvContactRows(CsvRows csv, Layout layout, long rowNumber, List<String> pendingFirst, Reader source) {
            this.csv = csv;
            this.layout = layout;
            this.rowNumber = rowNumber;
            this.pendingFirst = pendingFirst;
            this.source = source;
        }

        @Override
        public Layout layout() {
            return layout;
        }

        @Override
        public Row next() {
            List<String> cells;
            String problem = null;
            if (pendingFirst != null) {
                cells = pendingFirst;
                pendingFirst = null;
            } else {
                CsvRows.Record record = csv.next();
                if (record == null) {
                    return null;
                }
                cells = record.cells();
                problem = record.problem();
            }
            rowNumber++;
            boolean blank = problem == null && isBlank(cells);
            if (!blank && problem == null) {
                problem = shapeProblem(layout, cells);
            }
            return new Row(rowNumber, cells, blank, problem);
        }

        @Override
        public void close() {
            try {
                source.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static boolean isBlank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String shapeProblem(Layout layout, List<String> cells) {
        if (layout.width() >= 0 && cells.size() != layout.width()) {
            return "the row has " + cells.size() + " cells where the header has " + layout.width();
        }
        if (layout.width() < 0 && cells.size() <= layout.lastNamedColumn()) {
            return "the row has " + cells.size() + " cells where the agreed format reads column "
                    + (layout.lastNamedColumn() + 1);
        }
        return null;
    }

    /** Resolves the columns of a file from its header (or the agreed positions). */
    static Layout layoutOf(Kind kind, char delimiter, TextEncoding.Detected encoding, boolean headerRow,
                           List<String> header, ContactFileFormat agreed, int firstRowWidth) {
        String encodingName = encoding == null ? null : encoding.encoding();
        boolean bom = encoding != null && encoding.bom();
        if (!headerRow) {
            int width = Math.max(firstRowWidth, 1);
            List<String> names = new ArrayList<>();
            Map<Integer, String> attributes = new LinkedHashMap<>();
            agreed.attributes().forEach((name, column) -> attributes.put(ContactFileFormat.positionOf(column), name));
            Layout layout = new Layout(kind, delimiter, encodingName, bom, false, names, -1,
                    ContactFileFormat.positionOf(agreed.phone()), position(agreed.firstName()),
                    position(agreed.lastName()), position(agreed.company()), position(agreed.country()),
                    position(agreed.consent()), attributes);
            for (int i = 0; i <= Math.max(layout.lastNamedColumn(), width - 1); i++) {
                names.add("column" + (i + 1));
            }
            return new Layout(kind, delimiter, encodingName, bom, false, List.copyOf(names), -1, layout.phone(),
                    layout.firstName(), layout.lastName(), layout.company(), layout.country(), layout.consent(),
                    attributes);
        }
        List<String> normalized = header.stream().map(ContactFileReader::normalize).toList();
        int width = kind == Kind.CSV ? header.size() : -1;
        if (agreed != null) {
            Map<Integer, String> attributes = new LinkedHashMap<>();
            agreed.attributes().forEach((name, column) -> attributes.put(agreedColumn(header, normalized, column), name));
            return new Layout(kind, delimiter, encodingName, bom, true, List.copyOf(header), width,
                    agreedColumn(header, normalized, agreed.phone()), agreedColumn(header, normalized, agreed.firstName()),
                    agreedColumn(header, normalized, agreed.lastName()), agreedColumn(header, normalized, agreed.company()),
                    agreedColumn(header, normalized, agreed.country()), agreedColumn(header, normalized, agreed.consent()),
                    attributes);
        }
        int phone = -1;
        int first = -1;
        int last = -1;
        int company = -1;
        int country = -1;
        int consent = -1;
        Map<Integer, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < normalized.size(); i++) {
            String name = normalized.get(i);
            if (phone < 0 && PHONE.contains(name)) {
                phone = i;
            } else if (first < 0 && FIRST_NAME.contains(name)) {
                first = i;
            } else if (last < 0 && LAST_NAME.contains(name)) {
                last = i;
            } else if (company < 0 && COMPANY.contains(name)) {
                company = i;
            } else if (country < 0 && COUNTRY.contains(name)) {
                country = i;
            } else if (consent < 0 && CONSENT.contains(name)) {
                consent = i;
            } else if (!name.isEmpty() && !attributes.containsValue(name)) {
                attributes.put(i, name);
            }
        }
        if (phone < 0) {
            throw new UnreadableFileException("No phone column was found in the header "
                    + "(expected one of: téléphone, telephone, tel, phone, mobile, portable).");
        }
        return new Layout(kind, delimiter, encodingName, bom, true, List.copyOf(header), width, phone, first, last,
                company, country, consent, attributes);
    }

    private static int position(String column) {
        return column == null ? -1 : ContactFileFormat.positionOf(column);
    }

    private static int agreedColumn(List<String> header, List<String> normalized, String column) {
        if (column == null) {
            return -1;
        }
        int position = ContactFileFormat.positionOf(column);
        if (position >= 0) {
            return position;
        }
        int index = normalized.indexOf(normalize(column));
        if (index < 0) {
            throw new UnreadableFileException("The header has no column \"" + column
                    + "\", which the format agreed for this client requires.");
        }
        return index;
    }

    /** Lower case, no accents, anything but letters and digits turned into underscores. */
    static String normalize(String headerCell) {
        return com.outboundcalls.account.CalleeDataTerms.normalize(headerCell);
    }

    static char detectDelimiter(String headerLine) {
        char[] candidates = {';', ',', '\t'};
        char best = ',';
        int bestCount = 0;
        for (char c : candidates) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < headerLine.length(); i++) {
                char ch = headerLine.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == c && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    /** Cells of a row in the layout's attribute columns, by attribute name. */
    public static Map<String, String> attributesOf(Layout layout, List<String> cells) {
        Map<String, String> attributes = new LinkedHashMap<>();
        layout.attributeColumns().forEach((index, name) -> {
            if (index < cells.size() && !cells.get(index).isBlank()) {
                attributes.put(name, cells.get(index).strip());
            }
        });
        return attributes;
    }

    /** The row's region: its two-letter country cell when it has one, else the client's default region. */
    public static String regionOf(Layout layout, List<String> cells, String defaultRegion) {
        String country = cell(cells, layout.country());
        return country != null && country.length() == 2 ? country.toUpperCase(java.util.Locale.ROOT) : defaultRegion;
    }

    /** The cell at an index, or null when the column is absent, the row is short or the cell empty. */
    public static String cell(List<String> cells, int index) {
        if (index < 0 || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }
}
