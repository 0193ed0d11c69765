package com.outboundcalls.erasure;

import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.ErasureRequest;
import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.dial.ProspectingLimit;
import com.outboundcalls.files.StoredFiles;
import com.outboundcalls.ingest.ContactIds;
import com.outboundcalls.ingest.FileLedger;
import com.outboundcalls.ingest.NumberRedaction;
import com.outboundcalls.account.Campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Erases a callee's number from a client's data, as its {@link ErasureRequest} asks: the contact of every campaign
 * with its history, the prospecting history, the rows of the reports that name it (each report written again as its
 * only version), and every uploaded file that holds it (every version deleted: its contacts and reports are what
 * the client keeps of it). The opposition entry made with the request stays. The rated calls hold no number: their
 * contact id is a keyed digest. Safe to run again: each step finds nothing left to do, and the completion is recorded
 * once, audited.
 */
public final class CalleeErasure {

    /** The actor the audit trail names for the erasure's completion. */
    public static final Actor ERASER = Actor.operator("system:callee-erasure");

    /** Thrown when a file holding the number is still being ingested: the erasure waits for its end. */
    public static final class FileBeingIngested extends RuntimeException {
        public FileBeingIngested(String key) {
            super("a file is still being ingested: " + key);
        }
    }

    private final AccountRecords accounts;
    private final AccountAdministration administration;
    private final ContactBook contacts;
    private final ProspectingLimit.Histories histories;
    private final StoredFiles files;
    private final FileLedger ledger;
    private final ContactIds ids;
    private final ReportRewrites reportRewrites;

    /** Stops a campaign report's rewrite under way, in favour of the erasure named. */
    public interface ReportRewrites {
        void stop(Campaign campaign, String erasure);
    }

    /**
     * @param reportRewrites the campaign reports' rewrites: one under way when the number is erased is stopped,
     *                       since the pages it read before may hold the number's row
     */
    public CalleeErasure(AccountRecords accounts, AccountAdministration administration, ContactBook contacts,
                         ProspectingLimit.Histories histories, StoredFiles files, FileLedger ledger, ContactIds ids,
                         ReportRewrites reportRewrites) {
        this.accounts = accounts;
        this.administration = administration;
        this.contacts = contacts;
        this.histories = histories;
        this.files = files;
        this.ledger = ledger;
        this.ids = ids;
        this.reportRewrites = reportRewrites;
    }

    /** Runs the request named (a queue message's), if it is still pending; returns it as it then stands. */
    public ErasureRequest run(String clientId, String requestId) {
        ErasureRequest request = accounts.erasure(clientId, requestId)
                .orElseThrow(() -> new IllegalArgumentException("no erasure " + requestId + " for " + clientId));
        if (request.status() == ErasureRequest.Status.COMPLETED) {
            return request;
        }
        ClientProfile profile = accounts.profile(clientId)
                .orElseThrow(() -> new IllegalStateException("no client " + clientId));
        String e164 = request.e164();
        NumberRedaction redaction = new NumberRedaction(e164, profile.client().defaultRegion());
        Map<String, Long> removed = new TreeMap<>();
        // Files first: an upload still being ingested makes the erasure wait, with nothing of it half done.
        uploads(clientId, profile, redaction, removed);
        for (AccountRecords.VersionedCampaign versioned : accounts.campaigns(clientId)) {
            // A report being rewritten stops at its next step; the report as it stands is cleaned below, and the
            // next rewrite reads contacts without the number.
            reportRewrites.stop(versioned.campaign(), "erasure-" + request.requestId());
            String campaignId = versioned.campaign().campaignId();
            if (contacts.erase(versioned.campaign().key(), ids.of(clientId, campaignId, e164))) {
                removed.merge("contacts", 1L, Long::sum);
            }
        }
        histories.forget(clientId, e164);
        reports(clientId, redaction, removed);
        return administration.completeErasure(ERASER, request, removed);
    }

    private void uploads(String clientId, ClientProfile profile, NumberRedaction redaction, Map<String, Long> removed) {
        for (StoredFiles.StoredFile file : files.under("incoming/" + clientId + "/")) {
            NumberRedaction.Holding holding;
            try (InputStream in = files.open(file.key())) {
                holding = redaction.scanUpload(in, profile.client().contactFileFormat());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (holding == NumberRedaction.Holding.CLEAN) {
                continue;
            }
            if (ledger.completedSummary(file.fileId()).isEmpty() && ledger.checkpoint(file.fileId()).isPresent()) {
                throw new FileBeingIngested(file.key());
            }
            files.deleteEveryVersion(file.key());
            removed.merge(holding == NumberRedaction.Holding.HOLDS ? "uploadedFiles" : "unreadableUploadsDeleted", 1L,
                    Long::sum);
        }
    }

    private void reports(String clientId, NumberRedaction redaction, Map<String, Long> removed) {
        for (StoredFiles.StoredFile file : files.under("reports/" + clientId + "/")) {
            if (file.key().endsWith(".json")) {
                continue; // summaries and notices: counts and names of files, never a callee's number
            }
            Path copy = null;
            try {
                copy = Files.createTempFile("erasure", ".csv");
                long rows;
                try (InputStream in = files.open(file.key())) {
                    rows = redaction.copyCsvWithout(in, copy);
                }
                if (rows > 0) {
                    files.replace(file.key(), copy, "text/csv");
                    removed.merge("reportRows", rows, Long::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (com.outboundcalls.ingest.ContactFileReader.UnreadableFileException notText) {
                // a report that is not text (none is written so): left as it is
            } finally {
                if (copy != null) {
                    try {
                        Files.deleteIfExists(copy);
                    } catch (IOException ignored) {
                        // a temporary file of this invocation
                    }
                }
            }
        }
    }
}
