package com.outboundcalls.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.IngestSummary;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.S3Handler;
import com.outboundcalls.lambda.S3ObjectRef;
import com.outboundcalls.lambda.StructuredLog;

import java.util.List;

/** S3 ObjectCreated under incoming/: ingests each file named by the event (its first leg). */
public final class ContactIngestHandler implements S3Handler {

    private final IngestWiring wiring;
    private final Metrics metrics;
    private final StructuredLog log = new StructuredLog("contact-ingest");

    public ContactIngestHandler() {
        this(FunctionRuntime.system());
    }

    public ContactIngestHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private ContactIngestHandler(Wiring wiring) {
        this(IngestWiring.of(wiring), wiring.metrics("contact-ingest"));
        // Before a snapshot: a made-up contact file read and its numbers checked, and its summary as stored read back,
        // in memory; and the ledger asked whether a file of nobody is done.
        wiring.primeS3ForTheBucketsItsEventsName();
        wiring.primeWith(MadeUpContactFile::read);
        wiring.primeWith(MadeUpContactFile::summaryReadBack);
        wiring.primeWith(MadeUpContactFile.askWhetherDone(wiring, "incoming/"));
        wiring.primeDry(dry -> {
            ContactIngestHandler handler = new ContactIngestHandler(dry);
            return () -> PrimingEvents.s3(handler, PrimingEvents.NOBODY, "incoming/" + PrimingEvents.NOBODY + "/" +
                    PrimingEvents.NOBODY + "/priming.csv");
        });
    }

    public ContactIngestHandler(IngestWiring wiring, Metrics metrics) {
        this.wiring = wiring;
        this.metrics = metrics;
    }

    @Override
    public String handleObjects(List<S3ObjectRef> objects, Context context) {
        int files = 0;
        for (S3ObjectRef ref : objects) {
            ContactIngestion.UploadedFile file = new ContactIngestion.UploadedFile(ref.bucket(), ref.key(),
                    ref.versionId(), ref.version(), ref.size());
            ContactIngestion ingestion = wiring.ingestion(ref.bucket());
            boolean again = ingestion.isDone(file);
            IngestSummary summary = ingestion.ingest(file, 1, wiring.content(file.bucket(),
                    file.key(), file.versionId(), file.version(), file.size()), context::getRemainingTimeInMillis);
            if (IngestSummary.UNGRANTED.equals(summary.status()) && !again) {
                // Written by someone with access to the bucket, not through the client space: an alarm, raised once
                // whatever the notifications of it.
                log.error("upload_not_granted", "key", ref.key(), "reason", summary.refusal());
                metrics.count("UngrantedUploads", 1);
            }
            wiring.notifyProcessed(summary);
            log.info("file_ingested", "key", ref.key(), "status", summary.status(), "accepted", summary.accepted(),
                    "rejected", summary.rejected(), "skipped", summary.skipped());
            files++;
        }
        return files + " file(s) ingested";
    }
}
