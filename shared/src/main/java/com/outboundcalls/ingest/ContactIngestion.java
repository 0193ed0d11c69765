package com.outboundcalls.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.report.ObjectSink;
import com.outboundcalls.report.SafeCsv;
import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Ingests one uploaded contact file: validates every row, stores the accepted contacts as callable,
 * writes a summary and a rejects report next to the file's campaign. Safe to run twice on the same file
 * version: the second run stores nothing and rewrites the same reports.
 */
public final class ContactIngestion {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountDirectory accounts;
    private final ContactStore contacts;
    private final FileLedger ledger;
    private final ObjectSink reports;
    private final Clock clock;
    private final PhoneNumberValidator validator = new PhoneNumberValidator();
    private final ContactFileReader reader = new ContactFileReader();

    public ContactIngestion(AccountDirectory accounts, ContactStore contacts, FileLedger ledger, ObjectSink reports,
                            Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.ledger = ledger;
        this.reports = reports;
        this.clock = clock;
    }

    /** A file version in the bucket: its key and its version id (or ETag when unversioned). */
    public record UploadedFile(String bucket, String key, String version) {
        String fileId() {
            return bucket + "/" + key + "#" + version;
        }
    }

    public IngestSummary ingest(UploadedFile file, Supplier<InputStream> content) {
        Optional<String> done = ledger.completedSummary(file.fileId());
        if (done.isPresent()) {
            return read(done.get());
        }
        Instant started = clock.instant();
        Optional<ContactFileKey> parsedKey = ContactFileKey.parse(file.key());
        if (parsedKey.isEmpty()) {
            // Nothing can be attributed to a client: no report under reports/, only the ledger remembers it.
            IngestSummary refused = refusal(file, null, started,
                    "The key is not of the form incoming/{clientId}/{campaignId}/{file}.");
            ledger.markCompleted(file.fileId(), write(refused));
            return refused;
        }
        ContactFileKey key = parsedKey.get();
        Optional<Client> client = accounts.client(key.clientId());
        Optional<Campaign> campaign = accounts.campaign(key.clientId(), key.campaignId());
        if (client.isEmpty() || campaign.isEmpty()) {
            return finish(file, key, refusal(file, key, started,
                    "The key names a client or campaign that does not exist or do not belong together."), null);
        }
        Run run = new Run(file, key, client.get());
        try (InputStream in = content.get()) {
            reader.read(in, run::layout, run::row);
        } catch (ContactFileReader.UnreadableFileException e) {
            return finish(file, key, refusal(file, key, started, e.getMessage()), null);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        IngestSummary summary = new IngestSummary(file.key(), file.version(), key.clientId(), key.campaignId(),
                IngestSummary.PROCESSED, null, run.rowsRead, run.accepted, run.skipped, run.rejectedCount(),
                run.byReason, describe(run.layout.delimiter()), run.layout.encoding(), started.toString(),
                Duration.between(started, clock.instant()).toMillis());
        return finish(file, key, summary, run.rejectsCsv());
    }

    private IngestSummary finish(UploadedFile file, ContactFileKey key, IngestSummary summary, String rejectsCsv) {
        String json = write(summary);
        reports.put(key.reportPrefix() + ".summary.json", json.getBytes(StandardCharsets.UTF_8), "application/json");
        if (rejectsCsv != null) {
            reports.put(key.reportPrefix() + ".rejects.csv", rejectsCsv.getBytes(StandardCharsets.UTF_8),
                    "text/csv; charset=utf-8");
        }
        ledger.markCompleted(file.fileId(), json);
        return summary;
    }

    private IngestSummary refusal(UploadedFile file, ContactFileKey key, Instant started, String sentence) {
        return new IngestSummary(file.key(), file.version(), key == null ? null : key.clientId(),
                key == null ? null : key.campaignId(), IngestSummary.REFUSED, sentence, 0, 0, 0, 0,
                new EnumMap<>(RejectReason.class), null, null, started.toString(),
                Duration.between(started, clock.instant()).toMillis());
    }

    private static String describe(char delimiter) {
        return delimiter == '\t' ? "TAB" : String.valueOf(delimiter);
    }

    /** State of one pass over a file. */
    private final class Run {
        final UploadedFile file;
        final ContactFileKey key;
        final Client client;
        final Set<String> seenInFile = new HashSet<>();
        final Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        final List<List<String>> rejects = new ArrayList<>();
        ContactFileReader.Layout layout;
        long rowsRead;
        long accepted;
        long skipped;

        Run(UploadedFile file, ContactFileKey key, Client client) {
            this.file = file;
            this.key = key;
            this.client = client;
        }

        void layout(ContactFileReader.Layout layout) {
            this.layout = layout;
        }

        void row(ContactFileReader.Row row) {
            rowsRead++;
            if (row.blank()) {
                skipped++;
                return;
            }
            if (row.malformed()) {
                reject(row, RejectReason.MALFORMED_ROW, "the row has " + row.cells().size()
                        + " cells where the header has " + layout.header().size());
                return;
            }
            List<String> cells = row.cells();
            String rowRegion = ContactFileReader.cell(cells, layout.country());
            String region = rowRegion != null && rowRegion.length() == 2 ? rowRegion.toUpperCase() : client.defaultRegion();
            PhoneNumberValidator.Verdict verdict = validator.validate(
                    ContactFileReader.cell(cells, layout.phone()), region, false);
            if (!verdict.isValid()) {
                reject(row, verdict.reason(), verdict.message());
                return;
            }
            PhoneNumberValidator.ValidNumber number = verdict.number();
            if (!seenInFile.add(number.e164())) {
                reject(row, RejectReason.DUPLICATE, "the number appears on an earlier row of this file");
                return;
            }
            NewContact contact = new NewContact(key.clientId(), key.campaignId(),
                    ContactIds.of(key.clientId(), key.campaignId(), number.e164()), number.e164(), number.region(),
                    number.numberType(), ContactFileReader.cell(cells, layout.firstName()),
                    ContactFileReader.cell(cells, layout.lastName()), ContactFileReader.cell(cells, layout.company()),
                    ContactFileReader.attributesOf(layout, cells), file.fileId(), clock.instant());
            if (contacts.addIfAbsent(contact) == ContactStore.AddResult.ALREADY_IN_CAMPAIGN) {
                reject(row, RejectReason.DUPLICATE, "the number is already a contact of this campaign");
                return;
            }
            accepted++;
        }

        void reject(ContactFileReader.Row row, RejectReason reason, String message) {
            byReason.merge(reason, 1L, Long::sum);
            List<String> line = new ArrayList<>();
            line.add(Long.toString(row.row()));
            line.add(reason.name());
            line.add(message);
            line.addAll(row.cells());
            rejects.add(line);
        }

        long rejectedCount() {
            return byReason.values().stream().mapToLong(Long::longValue).sum();
        }

        String rejectsCsv() {
            StringWriter out = new StringWriter();
            try (CsvWriter csv = CsvWriter.builder().fieldSeparator(layout.delimiter()).build(out)) {
                List<String> header = new ArrayList<>(List.of("row", "reason", "message"));
                header.addAll(layout.header());
                csv.writeRecord(header.stream().map(SafeCsv::cell).toList());
                for (List<String> line : rejects) {
                    csv.writeRecord(line.stream().map(SafeCsv::cell).toList());
                }
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }

    private static String write(IngestSummary summary) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IngestSummary read(String json) {
        try {
            return JSON.readValue(json, IngestSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored summary unreadable", e);
        }
    }
}
