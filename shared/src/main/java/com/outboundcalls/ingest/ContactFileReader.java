package com.outboundcalls.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a contact file as a stream of rows: UTF-8 (a BOM is dropped), delimiter detected among
 * {@code ,} {@code ;} and tab on the header line, RFC 4180 quoting. Header names are matched without
 * regard to case or accents, in French and English; any other column travels to the call as an attribute.
 */
public final class ContactFileReader {

    private static final Set<String> PHONE = Set.of("telephone", "tel", "phone", "phone_number", "mobile",
            "portable", "numero", "number", "telephone_number", "numero_de_telephone");
    private static final Set<String> FIRST_NAME = Set.of("prenom", "first_name", "firstname");
    private static final Set<String> LAST_NAME = Set.of("nom", "last_name", "lastname", "name", "nom_de_famille");
    private static final Set<String> COMPANY = Set.of("societe", "entreprise", "company", "raison_sociale");
    private static final Set<String> COUNTRY = Set.of("pays", "country");

    /** The file's layout, known once its header is read. */
    public record Layout(char delimiter, String encoding, List<String> header, int phone, int firstName,
                         int lastName, int company, int country, Map<Integer, String> attributeColumns) {
    }

    /**
     * One data row. {@code row} is the row number as a spreadsheet shows it (header is row 1).
     * {@code malformed} is set when the row's cell count differs from the header's.
     */
    public record Row(long row, List<String> cells, boolean blank, boolean malformed) {
    }

    /** Thrown when the file cannot be read as a contact file at all; the message is one sentence. */
    public static final class UnreadableFileException extends RuntimeException {
        public UnreadableFileException(String message) {
            super(message);
        }
    }

    /** Opens the stream, reads the header and hands the layout and a row iterator to the consumer. */
    public void read(InputStream content, Consumer<Layout> onLayout, Consumer<Row> onRow) {
        try {
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(withoutBom(content), StandardCharsets.UTF_8), 1 << 16);
            reader.mark(1 << 16);
            String firstLine = reader.readLine();
            if (firstLine == null || firstLine.isBlank()) {
                throw new UnreadableFileException("The file is empty.");
            }
            if (firstLine.indexOf('\0') >= 0) {
                throw new UnreadableFileException("The file is not a text file (CSV).");
            }
            reader.reset();
            char delimiter = detectDelimiter(firstLine);
            try (CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(delimiter)
                    .skipEmptyLines(false)
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .ofCsvRecord(reader)) {
                Iterator<CsvRecord> records = csv.iterator();
                if (!records.hasNext()) {
                    throw new UnreadableFileException("The file is empty.");
                }
                List<String> header = records.next().getFields();
                Layout layout = layoutOf(header, delimiter);
                onLayout.accept(layout);
                long rowNumber = 1;
                while (hasNext(records)) {
                    CsvRecord record = records.next();
                    rowNumber++;
                    List<String> cells = record.getFields();
                    boolean blank = cells.stream().allMatch(String::isBlank);
                    boolean malformed = !blank && cells.size() != header.size();
                    onRow.accept(new Row(rowNumber, cells, blank, malformed));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasNext(Iterator<CsvRecord> records) {
        try {
            return records.hasNext();
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    private Layout layoutOf(List<String> header, char delimiter) {
        int phone = -1;
        int first = -1;
        int last = -1;
        int company = -1;
        int country = -1;
        Map<Integer, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalize(header.get(i));
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
            } else if (!name.isEmpty()) {
                attributes.put(i, name);
            }
        }
        if (phone < 0) {
            throw new UnreadableFileException(
                    "No phone column was found in the header (expected one of: telephone, tel, phone, mobile, portable).");
        }
        return new Layout(delimiter, "UTF-8", List.copyOf(header), phone, first, last, company, country,
                attributes);
    }

    /** Lower case, no accents, anything but letters and digits turned into underscores. */
    static String normalize(String headerCell) {
        String plain = Normalizer.normalize(headerCell.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
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

    private static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int read = pushback.readNBytes(head, 0, 3);
        boolean bom = read == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && read > 0) {
            pushback.unread(head, 0, read);
        }
        return pushback;
    }

    /** Cells of a row in the layout's attribute columns, by normalized header name. */
    public static Map<String, String> attributesOf(Layout layout, List<String> cells) {
        Map<String, String> attributes = new LinkedHashMap<>();
        layout.attributeColumns().forEach((index, name) -> {
            if (index < cells.size() && !cells.get(index).isBlank()) {
                attributes.put(name, cells.get(index).strip());
            }
        });
        return attributes;
    }

    /** The cell at an index, or null when the column is absent or the row is short. */
    public static String cell(List<String> cells, int index) {
        if (index < 0 || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** Copy of a header, handy for report writers. */
    public static List<String> headerOf(Layout layout) {
        return new ArrayList<>(layout.header());
    }
}
