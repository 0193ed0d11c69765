package com.outboundcalls.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.SqsIngestHandover;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.IngestSummary;
import com.outboundcalls.ingest.OppositionImport;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.SqsHandler;
import com.outboundcalls.lambda.StructuredLog;

/** The ingest handover queue: takes a long contact or suppression file up again from its last checkpoint. */
public final class ContactIngestResumeHandler implements SqsHandler {

    private final IngestWiring wiring;
    private final StructuredLog log = new StructuredLog("contact-ingest-resume");
    private final SqsBatch batch = new SqsBatch(log);

    public ContactIngestResumeHandler() {
        this(FunctionRuntime.system());
    }

    public ContactIngestResumeHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private ContactIngestResumeHandler(Wiring wiring) {
        this(IngestWiring.of(wiring));
        // Before a snapshot: a made-up contact file read and its numbers checked, and its summary as stored read back,
        // in memory; and the ledger asked whether a file of nobody is done.
        wiring.primeS3ForTheBucketsItsEventsName();
        wiring.primeWith(MadeUpContactFile::read);
        wiring.primeWith(MadeUpContactFile::summaryReadBack);
        wiring.primeWith(MadeUpContactFile.askWhetherDone(wiring, "incoming/"));
        wiring.primeDry(dry -> {
            ContactIngestResumeHandler handler = new ContactIngestResumeHandler(dry);
            String body = "{\"bucket\":\"" + PrimingEvents.NOBODY + "\",\"key\":\"incoming/" + PrimingEvents.NOBODY
                    + "/" + PrimingEvents.NOBODY + "/priming.csv\",\"version\":\"priming\",\"size\":0,\"leg\":2}";
            return () -> PrimingEvents.sqs(handler, body);
        });
    }

    public ContactIngestResumeHandler(IngestWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, message -> {
            SqsIngestHandover.Message handover = SqsIngestHandover.Message.fromJson(message.getBody());
            ContactIngestion.UploadedFile file = handover.file();
            if (OppositionImport.isSuppressionFile(file.key())) {
                OppositionImport.Summary imported = wiring.oppositionImport(file.bucket()).importFile(file,
                        handover.leg(), wiring.content(file.bucket(), file.key(), file.versionId(), file.version(),
                                file.size()), context::getRemainingTimeInMillis);
                log.info("suppression_file_resumed", "key", file.key(), "leg", handover.leg(), "status",
                        imported.status(), "listed", imported.listed(), "rejected", imported.rejected());
                return;
            }
            IngestSummary summary = wiring.ingestion(file.bucket()).ingest(file, handover.leg(),
                    wiring.content(file.bucket(), file.key(), file.versionId(), file.version(), file.size()),
                    context::getRemainingTimeInMillis);
            wiring.notifyProcessed(summary);
            log.info("file_resumed", "key", file.key(), "leg", handover.leg(), "status", summary.status(),
                    "accepted", summary.accepted(), "rejected", summary.rejected());
        });
    }
}
