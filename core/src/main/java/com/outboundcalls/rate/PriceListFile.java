package com.outboundcalls.rate;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A price-list file, {@code config/price-lists/{listId}/{version}.csv}, with the header
 * {@code origin_country,destination_country,number_type,price_per_minute,valid_from}. Every row is checked;
 * one bad row refuses the whole version, with the reason of each bad row.
 */
public final class PriceListFile {

    public static final String HEADER = "origin_country,destination_country,number_type,price_per_minute,valid_from";
    private static final Pattern KEY = Pattern.compile(
            "^config/price-lists/([A-Za-z0-9][A-Za-z0-9_-]{0,63})/([A-Za-z0-9][A-Za-z0-9._-]{0,63})\\.csv$");
    private static final Set<String> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();
    private static final Set<String> NUMBER_TYPES = new HashSet<>(Arrays.stream(PhoneNumberUtil.PhoneNumberType.values())
            .map(Enum::name).toList());

    /** One price of a version: valid from a date, 00:00 in Paris. */
    public record Row(int row, String originCountry, String destinationCountry, String numberType,
                      BigDecimal pricePerMinute, LocalDate validFrom) {
    }

    /** A bad row and why. */
    public record Problem(int row, String reason) {
    }

    /** What a file holds: its rows, or the problems that refuse it. */
    public record Parsed(String listId, String version, List<Row> rows, List<Problem> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private PriceListFile() {
    }

    /** The list and version a key names, or null when the key is not a price-list file. */
    public static String[] listAndVersion(String key) {
        Matcher m = KEY.matcher(key);
        return m.matches() ? new String[]{m.group(1), m.group(2)} : null;
    }

    public static Parsed parse(String listId, String version, Reader content) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> routes = new HashSet<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(true).ofCsvRecord(content)) {
            int row = 0;
            for (CsvRecord record : csv) {
                row++;
                List<String> cells = record.getFields().stream().map(String::strip).toList();
                if (row == 1) {
                    String header = String.join(",", cells).replace("\uFEFF", "");
                    if (!HEADER.equals(header)) {
                        problems.add(new Problem(1, "the header must be " + HEADER));
                        break;
                    }
                    continue;
                }
                if (cells.size() != 5) {
                    problems.add(new Problem(row, "the row has " + cells.size() + " cells where 5 are expected"));
                    continue;
                }
                List<String> reasons = new ArrayList<>();
                String origin = cells.get(0).toUpperCase();
                String destination = cells.get(1).toUpperCase();
                String type = cells.get(2).toUpperCase();
                if (!REGIONS.contains(origin)) {
                    reasons.add("unknown origin country " + cells.get(0));
                }
                if (!REGIONS.contains(destination)) {
                    reasons.add("unknown destination country " + cells.get(1));
                }
                if (!NUMBER_TYPES.contains(type)) {
                    reasons.add("unknown number type " + cells.get(2));
                }
                BigDecimal price = null;
                try {
                    price = new BigDecimal(cells.get(3));
                    if (price.signum() < 0) {
                        reasons.add("negative price " + cells.get(3));
                    } else if (price.scale() > 6) {
                        reasons.add("price " + cells.get(3) + " has more than 6 decimals");
                    }
                } catch (NumberFormatException e) {
                    reasons.add("price " + cells.get(3) + " is not a decimal number (use a decimal point)");
                }
                LocalDate validFrom = null;
                try {
                    validFrom = LocalDate.parse(cells.get(4));
                } catch (DateTimeParseException e) {
                    reasons.add("valid_from " + cells.get(4) + " is not a date YYYY-MM-DD");
                }
                if (reasons.isEmpty() && !routes.add(origin + "|" + destination + "|" + type + "|" + validFrom)) {
                    reasons.add("the same route and date appear on an earlier row");
                }
                if (reasons.isEmpty()) {
                    rows.add(new Row(row, origin, destination, type, price, validFrom));
                } else {
                    problems.add(new Problem(row, String.join("; ", reasons)));
                }
            }
            if (row <= 1 && problems.isEmpty()) {
                problems.add(new Problem(1, "the file has no price row"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(listId, version, List.copyOf(rows), List.copyOf(problems));
    }
}
