package com.outboundcalls.ingest;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.contact.OppositionList;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.ingest.RowChecks.Checked;
import com.outboundcalls.phone.PhoneNumberValidator;
import com.outboundcalls.phone.RejectReason;
import com.outboundcalls.time.Zones;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Ingests one uploaded contact file as a stream: validates every row, stores the accepted contacts in the
 * hopper in batches, writes a summary and a rejects report next to the file's campaign. A file too long for
 * one invocation is handed over to the next from a checkpoint, without losing or repeating a row. Safe to run
 * twice on the same file version: the second run stores nothing and rewrites the same reports.
 */
public final class ContactIngestion {

    /** Rows stored per write: DynamoDB's BatchWriteItem takes 25 items. */
    static final int BATCH = 25;
    /** Rows rejected or skipped between two writes, at most, before the rejects are written out. */
    private static final int WINDOW = 500;
    /** Rows read ahead and checked together. */
    private static final int CHUNK = 1024;
    /** Where refusals of objects no upload link granted go: the operators' reports. */
    public static final String UNGRANTED_PREFIX = "reports/_operators/ungranted-uploads/";

    /**
     * Limits on what one file may be and on how much one invocation does.
     *
     * @param rowsPerInvocation hand over after this many rows (0: only when time runs short)
     * @param handoverMargin    hand over when less than this is left of the invocation's time
     */
    /** @param csv the columns, cell and row length a CSV record may have (past them, the row is rejected) */
    public record Limits(long maxFileBytes, long maxRows, long rowsPerInvocation, Duration handoverMargin,
                         CsvRows.Bounds csv) {
        public static final Limits DEFAULT = new Limits(1L << 30, 2_000_000, 0, Duration.ofSeconds(90));

        public Limits(long maxFileBytes, long maxRows, long rowsPerInvocation, Duration handoverMargin) {
            this(maxFileBytes, maxRows, rowsPerInvocation, handoverMargin, CsvRows.Bounds.DEFAULT);
        }
    }

    /**
     * A file version in the bucket: its key, its version id (null when the bucket is unversioned), the
     * version that identifies this upload (the version id, or the ETag) and its size.
     */
    public record UploadedFile(String bucket, String key, String versionId, String version, long size,
                               String fileId) {
        public UploadedFile(String bucket, String key, String versionId, String version, long size) {
            this(bucket, key, versionId, version, size, bucket + "/" + key + "#" + version);
        }
    }

    private final AccountDirectory accounts;
    private final ContactStore contacts;
    private final OppositionList oppositions;
    private final FileLedger ledger;
    private final ObjectSink reports;
    private final IngestLegs legs;
    private final UploadRegistry uploads;
    private final Clock clock;
    private final Limits limits;
    private final PhoneNumberValidator validator = new PhoneNumberValidator();
    private final FileRefusals refusals;
    private final ContactFileReader reader;
    private final ContactIds ids;

    /**
     * @param uploads the uploads the client space granted: an object written without one is refused
     * @param ids     how a campaign's number becomes its contact's id
     */
    public ContactIngestion(AccountDirectory accounts, ContactStore contacts, OppositionList oppositions,
                            FileLedger ledger, ObjectSink reports, IngestHandover handover, UploadRegistry uploads,
                            Clock clock, Limits limits, ContactIds ids) {
        this.ids = ids;
        this.accounts = accounts;
        this.contacts = contacts;
        this.oppositions = oppositions;
        this.ledger = ledger;
        this.reports = reports;
        this.legs = new IngestLegs(ledger, handover);
        this.uploads = uploads;
        this.clock = clock;
        this.limits = limits;
        this.reader = new ContactFileReader(XlsxGuard.DEFAULT, limits.csv());
        this.refusals = new FileRefusals(accounts, ledger, reports, clock);
    }

    /** Ingests a newly uploaded file (leg 1), with no limit on the invocation's time. */
    public IngestSummary ingest(UploadedFile file, Supplier<InputStream> content) {
        return ingest(file, 1, content, () -> Long.MAX_VALUE);
    }

    /**
     * Works on leg {@code leg} of a file: leg 1 for its S3 event, leg n+1 for the handover of leg n.
     * {@code remainingMillis} tells how long the invocation has left.
     */
    /** Whether the file's outcome is recorded already: an event for it again (S3 notifies at least once) changes nothing. */
    public boolean isDone(UploadedFile file) {
        return ledger.completedSummary(file.fileId()).isPresent();
    }

    public IngestSummary ingest(UploadedFile file, int leg, Supplier<InputStream> content, LongSupplier remainingMillis) {
        Optional<String> done = ledger.completedSummary(file.fileId());
        if (done.isPresent()) {
            return FileRefusals.read(done.get());
        }
        IngestLegs.Turn turn = legs.turn(file, leg);
        if (!turn.proceed()) {
            return new IngestSummary(file.key(), file.version(), null, null, IngestSummary.IN_PROGRESS, null, 0, 0,
                    0, 0, Map.of(), null, null, null, null, null, 0, turn.lastLeg());
        }
        Optional<IngestCheckpoint> checkpoint = turn.checkpoint();
        Instant started = checkpoint.map(c -> Instant.parse(c.startedAt())).orElse(clock.instant());
        Optional<ContactFileKey> parsedKey = ContactFileKey.parse(file.key());
        if (parsedKey.isEmpty()) {
            return refusals.unattributed(file, started);
        }
        ContactFileKey key = parsedKey.get();
        Optional<Upload> granted = uploads.find(file.key());
        if (granted.isEmpty() || (file.size() > 0 && granted.get().size() != file.size())) {
            return refusals.ungranted(file, started, granted.isEmpty() ? "no upload link was granted for this key"
                    : "the object is " + file.size() + " bytes, the upload link was granted for "
                    + granted.get().size());
        }
        Optional<Client> client = accounts.client(key.clientId());
        Optional<Campaign> campaign = accounts.campaign(key.clientId(), key.campaignId());
        if (client.isEmpty() || campaign.isEmpty()) {
            return refusals.refused(file, key, started,
                    "The key names a client or campaign that does not exist or do not belong together.");
        }
        if (file.size() > limits.maxFileBytes()) {
            return refusals.refused(file, key, started, "The file is " + megabytes(file.size())
                    + " MB, above the limit of " + megabytes(limits.maxFileBytes()) + " MB per file.");
        }
        Run run = new Run(file, key, client.get(), campaign.get(), leg, checkpoint.orElse(null), started);
        try (InputStream in = content.get(); ContactFileReader.Rows rows = reader.open(in, client.get().contactFileFormat())) {
            run.layout = CallColumns.kept(rows.layout(), client.get());
            if (campaign.get().purpose().requiresConsent() && run.layout.consent() < 0) {
                return refusals.refused(file, key, started, "This campaign prospects consumers and needs a consent "
                        + "column (consentement: a date or a proof reference); the file has none.");
            }
            return run.process(rows, remainingMillis);
        } catch (ContactFileReader.UnreadableFileException e) {
            run.discard();
            return refusals.refused(file, key, started, e.getMessage());
        } catch (IOException e) {
            run.discard();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            run.discard();
            throw e;
        }
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** A row that passed validation, waiting for its batch to be written. */
    private record Candidate(ContactFileReader.Row row, NewContact contact) {
    }

    /** One invocation's pass over a file. */
    private final class Run {
        final UploadedFile file;
        final ContactFileKey key;
        final Client client;
        final int leg;
        final Instant started;
        final LocalDate today;
        final Instant now;
        final long resumeAfterRow;
        final boolean consentRequired;
        final Map<RejectReason, Long> byReason;
        final List<Candidate> batch = new ArrayList<>(BATCH);
        final Map<String, Long> batchNumbers = new HashMap<>();
        ContactFileReader.Layout layout;
        RowChecks checks;
        RejectOutput rejects;
        long rowsRead;
        long accepted;
        long skipped;
        long lastRow;
        long rowsThisLeg;
        final int partsBefore;
        String limitReached;

        Run(UploadedFile file, ContactFileKey key, Client client, Campaign campaign, int leg,
            IngestCheckpoint checkpoint, Instant started) {
            this.file = file;
            this.key = key;
            this.client = client;
            this.leg = leg;
            this.started = started;
            this.now = clock.instant();
            this.today = LocalDate.ofInstant(now, Zones.BILLING);
            this.consentRequired = campaign.purpose().requiresConsent();
            if (checkpoint == null) {
                byReason = new EnumMap<>(RejectReason.class);
                resumeAfterRow = 0;
                partsBefore = 0;
            } else {
                byReason = new EnumMap<>(RejectReason.class);
                byReason.putAll(checkpoint.rejectedByReason());
                resumeAfterRow = checkpoint.lastRow();
                rowsRead = checkpoint.rowsRead();
                accepted = checkpoint.accepted();
                skipped = checkpoint.skipped();
                lastRow = checkpoint.lastRow();
                partsBefore = checkpoint.rejectParts();
            }
        }

        IngestSummary process(ContactFileReader.Rows rows, LongSupplier remainingMillis) {
            checks = new RowChecks(validator, ids, layout, client, key, file, now);
            rejects = new RejectOutput(reports, key, layout, leg == 1, partsBefore);
            try (ReadAhead ahead = new ReadAhead(rows, resumeAfterRow, CHUNK)) {
                return process(ahead, remainingMillis);
            }
        }

        /**
         * Three stages overlap: the reader decodes and splits rows ahead; the numbers of the next chunk are checked
         * (pure work) on one thread per processor while this thread takes the current chunk's rows in order.
         */
        private IngestSummary process(ReadAhead ahead, LongSupplier remainingMillis) {
            int processors = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService checkers = Executors.newFixedThreadPool(processors, task -> {
                Thread thread = new Thread(task, "contact-number-checker");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<ContactFileReader.Row> chunk = ahead.next();
                List<CompletableFuture<List<Checked>>> checking = checks.checkAhead(chunk, checkers, processors);
                while (!chunk.isEmpty()) {
                    List<Checked> verdicts = RowChecks.verdicts(checking);
                    List<ContactFileReader.Row> next = ahead.next();
                    checking = checks.checkAhead(next, checkers, processors);
                    IngestSummary ended = take(chunk, verdicts, remainingMillis);
                    if (ended != null) {
                        return ended;
                    }
                    chunk = next;
                }
            } finally {
                checkers.shutdownNow();
            }
            flush();
            return finish();
        }

        /** Takes a chunk's rows in order; the summary when the file ends here (a limit, a hand-over), else null. */
        private IngestSummary take(List<ContactFileReader.Row> chunk, List<Checked> verdicts, LongSupplier remainingMillis) {
            for (int i = 0; i < chunk.size(); i++) {
                if (rowsRead >= limits.maxRows()) {
                    limitReached = "The file has more than " + limits.maxRows() + " rows, the limit per file: rows "
                            + "after row " + lastRow + " were not read.";
                    flush();
                    return finish();
                }
                row(chunk.get(i), verdicts.get(i));
                if (timeToHandOver(remainingMillis)) {
                    flush();
                    return handOver();
                }
            }
            return null;
        }

        private boolean timeToHandOver(LongSupplier remainingMillis) {
            return limits.rowsPerInvocation() > 0 && rowsThisLeg >= limits.rowsPerInvocation()
                    || remainingMillis.getAsLong() < limits.handoverMargin().toMillis();
        }

        void row(ContactFileReader.Row row, Checked verdict) {
            rowsRead++;
            rowsThisLeg++;
            lastRow = row.row();
            if (row.blank()) {
                skipped++;
            } else if (row.malformed()) {
                reject(row, RejectReason.MALFORMED_ROW, row.problem());
            } else {
                accept(row, verdict);
            }
            if (batch.size() >= BATCH || rejects.waiting() >= WINDOW) {
                flush();
            }
        }

        private void accept(ContactFileReader.Row row, Checked checked) {
            PhoneNumberValidator.Verdict verdict = checked.verdict();
            List<String> cells = row.cells();
            if (!verdict.isValid()) {
                reject(row, verdict.reason(), verdict.message());
                return;
            }
            String consent = ContactFileReader.cell(cells, layout.consent());
            if (consentRequired) {
                Optional<String> problem = ConsentCell.problem(consent, today);
                if (problem.isPresent()) {
                    reject(row, RejectReason.NO_CONSENT, problem.get());
                    return;
                }
            }
            if (checked.tooLarge() != null) {
                reject(row, RejectReason.MALFORMED_ROW, checked.tooLarge());
                return;
            }
            PhoneNumberValidator.ValidNumber number = verdict.number();
            Long earlier = batchNumbers.putIfAbsent(number.e164(), row.row());
            if (earlier != null) {
                reject(row, RejectReason.DUPLICATE, "the number appears on row " + earlier + " of this file");
                return;
            }
            batch.add(new Candidate(row, checked.contact()));
        }

        void reject(ContactFileReader.Row row, RejectReason reason, String message) {
            byReason.merge(reason, 1L, Long::sum);
            rejects.add(row.row(), reason, message, row.cells());
        }

        /** Writes the pending batch (the opposition list checked first) and the rejects so far, in row order. */
        void flush() {
            if (!batch.isEmpty()) {
                Set<String> opposed = oppositions.opposed(key.clientId(),
                        batch.stream().map(c -> c.contact().e164()).toList());
                List<Candidate> toStore = new ArrayList<>(batch.size());
                for (Candidate candidate : batch) {
                    if (opposed.contains(candidate.contact().e164())) {
                        reject(candidate.row(), RejectReason.OPPOSED, "the number is on the opposition list");
                    } else {
                        toStore.add(candidate);
                    }
                }
                List<ContactStore.AddResult> results = contacts.addAll(toStore.stream().map(Candidate::contact).toList());
                for (int i = 0; i < toStore.size(); i++) {
                    ContactStore.AddResult result = results.get(i);
                    switch (result.outcome()) {
                        case ADDED, ALREADY_ADDED_BY_THIS_ROW -> accepted++;
                        case EARLIER_ROW_OF_THIS_FILE -> reject(toStore.get(i).row(), RejectReason.DUPLICATE,
                                "the number appears on row " + result.earlierRow() + " of this file");
                        case ALREADY_IN_CAMPAIGN -> reject(toStore.get(i).row(), RejectReason.DUPLICATE,
                                "the number is already a contact of this campaign");
                    }
                }
                batch.clear();
                batchNumbers.clear();
            }
            rejects.flush();
        }

        private IngestSummary handOver() {
            rejects.storePart();
            IngestCheckpoint next = new IngestCheckpoint(leg, lastRow, rowsRead, accepted, skipped, byReason,
                    started.toString(), rejects.parts());
            IngestSummary summary = summary(IngestSummary.IN_PROGRESS);
            legs.handOver(file, next, () -> reports.put(key.reportPrefix() + ".summary.json",
                    FileRefusals.write(summary).getBytes(StandardCharsets.UTF_8), "application/json"));
            return summary;
        }

        private IngestSummary finish() {
            rejects.finish();
            IngestSummary summary = summary(IngestSummary.PROCESSED);
            String json = FileRefusals.write(summary);
            reports.put(key.reportPrefix() + ".summary.json", json.getBytes(StandardCharsets.UTF_8), "application/json");
            ledger.markCompleted(file.fileId(), json, key.clientId() + "#" + key.campaignId(), accepted);
            rejects.deleteParts();
            return summary;
        }

        private IngestSummary summary(String status) {
            long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
            return new IngestSummary(file.key(), file.version(), key.clientId(), key.campaignId(), status, null,
                    rowsRead, accepted, skipped, rejected, new EnumMap<>(byReason), layout.kind().name(),
                    layout.delimiterName(), layout.kind() == ContactFileReader.Kind.XLSX ? null : layout.encoding()
                    + (layout.bom() ? " (BOM)" : ""), limitReached, started.toString(),
                    Duration.between(started, clock.instant()).toMillis(), leg, CallColumns.leftOut(layout, client));
        }

        void discard() {
            if (rejects != null) {
                rejects.discard();
            }
        }
    }
}
