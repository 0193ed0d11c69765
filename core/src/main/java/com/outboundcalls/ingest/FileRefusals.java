package com.outboundcalls.ingest;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.phone.RejectReason;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;

/**
 * A contact file that is not read, and what is written about it: its summary in one sentence, kept in the ledger
 * so that the same version is never looked at again, and reported to whoever may be told: the client the key names
 * (when the key is its), or the operators (when no upload link granted the object).
 */
final class FileRefusals {

    private final AccountDirectory accounts;
    private final FileLedger ledger;
    private final ObjectSink reports;
    private final Clock clock;

    FileRefusals(AccountDirectory accounts, FileLedger ledger, ObjectSink reports, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.reports = reports;
        this.clock = clock;
    }

    IngestSummary unattributed(ContactIngestion.UploadedFile file, Instant started) {
        // Attributable to a client only if the key starts with one that exists; else only the ledger remembers it.
        IngestSummary refused = refusal(file, null, started,
                "The key is not of the form incoming/{clientId}/{campaignId}/{file}.");
        String json = write(refused);
        String[] parts = file.key().split("/", 3);
        if (parts.length == 3 && parts[0].equals("incoming") && ContactFileKey.isSafeId(parts[1])
                && accounts.client(parts[1]).isPresent()) {
            reports.put("reports/" + parts[1] + "/_refused/" + parts[2].replace('/', '_') + ".summary.json",
                    json.getBytes(StandardCharsets.UTF_8), "application/json");
        }
        ledger.markCompleted(file.fileId(), json);
        return refused;
    }

    /**
     * An object under {@code incoming/} that no upload link granted (written by someone with access to the bucket,
     * not through the client space): nothing of it is read or stored; the refusal goes to the operators' reports,
     * never to the client the key names, and the summary says so for the alarm.
     */
    IngestSummary ungranted(ContactIngestion.UploadedFile file, Instant started, String why) {
        IngestSummary refused = new IngestSummary(file.key(), file.version(), null, null, IngestSummary.UNGRANTED,
                "The object was not written through an upload link of the client space (" + why + "): it is not read.",
                0, 0, 0, 0, new EnumMap<>(RejectReason.class), null, null, null, null, started.toString(),
                Duration.between(started, clock.instant()).toMillis(), 1);
        String json = write(refused);
        reports.put(ContactIngestion.UNGRANTED_PREFIX + file.key().replace('/', '_') + "#" + file.version() + ".summary.json",
                json.getBytes(StandardCharsets.UTF_8), "application/json");
        ledger.markCompleted(file.fileId(), json);
        return refused;
    }

    IngestSummary refused(ContactIngestion.UploadedFile file, ContactFileKey key, Instant started, String sentence) {
        IngestSummary summary = refusal(file, key, started, sentence);
        String json = write(summary);
        reports.put(key.reportPrefix() + ".summary.json", json.getBytes(StandardCharsets.UTF_8), "application/json");
        ledger.markCompleted(file.fileId(), json);
        return summary;
    }

    private IngestSummary refusal(ContactIngestion.UploadedFile file, ContactFileKey key, Instant started, String sentence) {
        return new IngestSummary(file.key(), file.version(), key == null ? null : key.clientId(),
                key == null ? null : key.campaignId(), IngestSummary.REFUSED, sentence, 0, 0, 0, 0,
                new EnumMap<>(RejectReason.class), null, null, null, null, started.toString(),
                Duration.between(started, clock.instant()).toMillis(), 1);
    }

    static String write(IngestSummary summary) {
        return SummaryJson.write(summary);
    }

    static IngestSummary read(String json) {
        return SummaryJson.readIngest(json);
    }
}
