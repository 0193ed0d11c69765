package com.outboundcalls.ingest;

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
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client's suppression file, put under {@code config/opposition/{clientId}/}: every valid number in it
 * goes on the client's opposition list, checked when contact files are ingested and again before each call.
 * The summary goes to {@code reports/{clientId}/opposition/{file}.summary.json}. Importing a file twice
 * changes nothing: a number already listed keeps its first entry.
 *
 * <p>A file is read with the same limits as contact files (size, rows, row bounds). One too long for an
 * invocation is handed over, from a checkpoint, to the next (the ingest hand-over queue), as contact files are;
 * until its last leg the summary says IN_PROGRESS, and a file cut short by the row limit says where.
 */
public final class OppositionImport {

    private static final Pattern KEY = Pattern.compile("^config/opposition/([A-Za-z0-9][A-Za-z0-9_-]{0,63})/([^/]+)$");

    /** Whether a key is a suppression file's (its hand-over then goes to this import, not the contact ingest). */
    public static boolean isSuppressionFile(String key) {
        return key.startsWith("config/opposition/");
    }

    /**
     * What importing one suppression file did.
     *
     * @param limit       set when the file went past the row limit: the rows after it were not read
     * @param invocations how many invocations the file took
     */
    public record Summary(String file, String clientId, String status, String refusal, long rowsRead, long listed,
                          long skipped, long rejected, Map<RejectReason, Long> rejectedByReason, String limit,
                          int invocations) {
    }

    private final AccountDirectory accounts;
    private final OppositionList oppositions;
    private final ObjectSink reports;
    private final FileLedger ledger;
    private final IngestLegs legs;
    private final ContactIngestion.Limits limits;
    private final PhoneNumberValidator validator = new PhoneNumberValidator();
    private final ContactFileReader reader;
    private final Clock clock;

    public OppositionImport(AccountDirectory accounts, OppositionList oppositions, ObjectSink reports, FileLedger ledger,
                            IngestHandover handover, ContactIngestion.Limits limits, Clock clock) {
        this.accounts = accounts;
        this.oppositions = oppositions;
        this.reports = reports;
        this.ledger = ledger;
        this.legs = new IngestLegs(ledger, handover);
        this.limits = limits;
        this.reader = new ContactFileReader(XlsxGuard.DEFAULT, limits.csv());
        this.clock = clock;
    }

    /** The file's first leg, for its S3 event. */
    public Summary importFile(ContactIngestion.UploadedFile file, Supplier<InputStream> content,
                              LongSupplier remainingMillis) {
        return importFile(file, 1, content, remainingMillis);
    }

    /** Leg {@code leg} of the file: 1 for its S3 event, n+1 for the hand-over of leg n. */
    public Summary importFile(ContactIngestion.UploadedFile file, int leg, Supplier<InputStream> content,
                              LongSupplier remainingMillis) {
        String key = file.key();
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return new Summary(key, null, IngestSummary.REFUSED,
                    "The key is not of the form config/opposition/{clientId}/{file}.", 0, 0, 0, 0, Map.of(), null, leg);
        }
        String clientId = m.group(1);
        String reportKey = "reports/" + clientId + "/opposition/" + m.group(2) + ".summary.json";
        Optional<String> done = ledger.completedSummary(file.fileId());
        if (done.isPresent()) {
            return readSummary(done.get());
        }
        IngestLegs.Turn turn = legs.turn(file, leg);
        if (!turn.proceed()) {
            return inProgress(key, clientId, turn.lastLeg());
        }
        Optional<IngestCheckpoint> checkpoint = turn.checkpoint();
        Optional<Client> client = accounts.client(clientId);
        if (client.isEmpty()) {
            return report(reportKey, new Summary(key, clientId, IngestSummary.REFUSED,
                    "The key names a client that does not exist.", 0, 0, 0, 0, Map.of(), null, leg));
        }
        if (file.size() > limits.maxFileBytes()) {
            return finish(file, reportKey, new Summary(key, clientId, IngestSummary.REFUSED, "The file is "
                    + (file.size() >> 20) + " MB, above the limit of " + (limits.maxFileBytes() >> 20)
                    + " MB per file; nothing of it was listed.", 0, 0, 0, 0, Map.of(), null, leg));
        }
        Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        long resumeAfter = 0;
        long rowsRead = 0;
        long listed = 0;
        long skipped = 0;
        if (checkpoint.isPresent()) {
            IngestCheckpoint c = checkpoint.get();
            byReason.putAll(c.rejectedByReason());
            resumeAfter = c.lastRow();
            rowsRead = c.rowsRead();
            listed = c.accepted();
            skipped = c.skipped();
        }
        long rowsThisLeg = 0;
        long lastRow = resumeAfter;
        String limit = null;
        try (InputStream in = content.get(); ContactFileReader.Rows rows = reader.open(in, null)) {
            List<OppositionList.Opposition> batch = new ArrayList<>();
            for (ContactFileReader.Row row = rows.next(); row != null; row = rows.next()) {
                if (row.row() <= resumeAfter) {
                    continue;
                }
                if (rowsRead >= limits.maxRows()) {
                    limit = "only the first " + limits.maxRows() + " rows were read; split the file for the rest";
                    break;
                }
                if (rowsThisLeg > 0 && (limits.rowsPerInvocation() > 0 && rowsThisLeg >= limits.rowsPerInvocation()
                        || remainingMillis.getAsLong() < limits.handoverMargin().toMillis())) {
                    oppositions.addAll(batch);
                    IngestCheckpoint next = new IngestCheckpoint(leg, lastRow, rowsRead, listed, skipped, byReason,
                            clock.instant().toString(), 0);
                    Summary progress = new Summary(key, clientId, IngestSummary.IN_PROGRESS, null, rowsRead, listed,
                            skipped, total(byReason), byReason, null, leg);
                    legs.handOver(file, next, () -> report(reportKey, progress));
                    return inProgress(key, clientId, leg);
                }
                rowsRead++;
                rowsThisLeg++;
                lastRow = row.row();
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
        } catch (ContactFileReader.UnreadableFileException e) {
            return finish(file, reportKey, new Summary(key, clientId, IngestSummary.REFUSED, e.getMessage(), 0, 0, 0, 0,
                    Map.of(), null, leg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return finish(file, reportKey, new Summary(key, clientId, IngestSummary.PROCESSED, null, rowsRead, listed,
                skipped, total(byReason), byReason, limit, leg));
    }

    private static Summary inProgress(String key, String clientId, int legs) {
        return new Summary(key, clientId, IngestSummary.IN_PROGRESS, null, 0, 0, 0, 0, Map.of(), null, legs);
    }

    private static long total(Map<RejectReason, Long> byReason) {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }

    private Summary finish(ContactIngestion.UploadedFile file, String reportKey, Summary summary) {
        report(reportKey, summary);
        ledger.markCompleted(file.fileId(), write(summary));
        return summary;
    }

    private Summary report(String reportKey, Summary summary) {
        reports.put(reportKey, write(summary).getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
        return summary;
    }

    /** A summary as it is stored and reported: the JSON {@link #readSummary} reads back. */
    public static String write(Summary summary) {
        return SummaryJson.write(summary);
    }

    /** A stored summary, as an import of a file already imported answers with it. */
    public static Summary readSummary(String json) {
        return SummaryJson.readOpposition(json);
    }
}
