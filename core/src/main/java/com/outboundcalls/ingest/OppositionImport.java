package com.outboundcalls.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.OppositionList;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.phone.PhoneNumberValidator;
import com.outboundcalls.phone.RejectReason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client's suppression file, put under {@code config/opposition/{clientId}/}: every valid number in it
 * goes on the client's opposition list, checked when contact files are ingested and again before each call.
 * The summary goes to {@code reports/{clientId}/opposition/{file}.summary.json}. Importing a file twice
 * changes nothing: a number already listed keeps its first entry.
 */
public final class OppositionImport {

    private static final Pattern KEY = Pattern.compile("^config/opposition/([A-Za-z0-9][A-Za-z0-9_-]{0,63})/([^/]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What importing one suppression file did. */
    public record Summary(String file, String clientId, String status, String refusal, long rowsRead, long listed,
                          long skipped, long rejected, Map<RejectReason, Long> rejectedByReason) {
    }

    private final AccountDirectory accounts;
    private final OppositionList oppositions;
    private final ObjectSink reports;
    private final Clock clock;
    private final PhoneNumberValidator validator = new PhoneNumberValidator();
    private final ContactFileReader reader = new ContactFileReader();

    public OppositionImport(AccountDirectory accounts, OppositionList oppositions, ObjectSink reports, Clock clock) {
        this.accounts = accounts;
        this.oppositions = oppositions;
        this.reports = reports;
        this.clock = clock;
    }

    public Summary importFile(String key, Supplier<InputStream> content) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return new Summary(key, null, IngestSummary.REFUSED,
                    "The key is not of the form config/opposition/{clientId}/{file}.", 0, 0, 0, 0, Map.of());
        }
        String clientId = m.group(1);
        String reportKey = "reports/" + clientId + "/opposition/" + m.group(2) + ".summary.json";
        Optional<Client> client = accounts.client(clientId);
        if (client.isEmpty()) {
            return new Summary(key, clientId, IngestSummary.REFUSED, "The key names a client that does not exist.",
                    0, 0, 0, 0, Map.of());
        }
        Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        long rowsRead = 0;
        long listed = 0;
        long skipped = 0;
        Summary summary;
        try (InputStream in = content.get(); ContactFileReader.Rows rows = reader.open(in, null)) {
            List<OppositionList.Opposition> batch = new ArrayList<>();
            for (ContactFileReader.Row row = rows.next(); row != null; row = rows.next()) {
                rowsRead++;
                if (row.blank()) {
                    skipped++;
                    continue;
                }
                if (row.malformed()) {
                    byReason.merge(RejectReason.MALFORMED_ROW, 1L, Long::sum);
                    continue;
                }
                String region = ContactFileReader.regionOf(rows.layout(), row.cells(), client.get().defaultRegion());
                PhoneNumberValidator.Verdict verdict = validator.validate(
                        ContactFileReader.cell(row.cells(), rows.layout().phone()), region, true);
                if (!verdict.isValid()) {
                    byReason.merge(verdict.reason(), 1L, Long::sum);
                    continue;
                }
                batch.add(new OppositionList.Opposition(clientId, verdict.number().e164(), "suppression file " + key,
                        clock.instant()));
                listed++;
                if (batch.size() == ContactIngestion.BATCH) {
                    oppositions.addAll(batch);
                    batch.clear();
                }
            }
            oppositions.addAll(batch);
            summary = new Summary(key, clientId, IngestSummary.PROCESSED, null, rowsRead, listed, skipped,
                    byReason.values().stream().mapToLong(Long::longValue).sum(), byReason);
        } catch (ContactFileReader.UnreadableFileException e) {
            summary = new Summary(key, clientId, IngestSummary.REFUSED, e.getMessage(), 0, 0, 0, 0, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            reports.put(reportKey, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return summary;
    }
}
