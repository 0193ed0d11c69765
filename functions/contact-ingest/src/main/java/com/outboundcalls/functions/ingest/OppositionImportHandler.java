package com.outboundcalls.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.OppositionImport;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.S3ObjectRef;
import com.outboundcalls.lambda.StructuredLog;


/** S3 ObjectCreated under config/opposition/: puts a client's suppression file on its opposition list. */
public final class OppositionImportHandler implements RequestHandler<S3Event, String> {

    private final IngestWiring wiring;
    private final StructuredLog log = new StructuredLog("opposition-import");

    public OppositionImportHandler() {
        this(FunctionRuntime.system());
    }

    public OppositionImportHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private OppositionImportHandler(Wiring wiring) {
        this(IngestWiring.of(wiring));
        // Before a snapshot: a made-up contact file read and its numbers checked, in memory.
        wiring.primeWith(MadeUpContactFile::read);
        wiring.primeDry(dry -> {
            OppositionImportHandler handler = new OppositionImportHandler(dry);
            var event = PrimingEvents.s3(PrimingEvents.NOBODY, "config/opposition/" + PrimingEvents.NOBODY +
                    "/priming.csv");
            return () -> handler.handleRequest(event, PrimingEvents.CONTEXT);
        });
    }

    public OppositionImportHandler(IngestWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        int files = 0;
        for (S3EventNotificationRecord record : event.getRecords()) {
            S3ObjectRef ref = S3ObjectRef.of(record);
            ContactIngestion.UploadedFile file = new ContactIngestion.UploadedFile(ref.bucket(), ref.key(),
                    ref.versionId(), ref.version(), ref.size());
            OppositionImport.Summary summary = wiring.oppositionImport(ref.bucket()).importFile(file,
                    wiring.content(file.bucket(), file.key(), file.versionId(), file.version(), file.size()),
                    context::getRemainingTimeInMillis);
            log.info("opposition_imported", "key", ref.key(), "status", summary.status(), "listed", summary.listed(),
                    "rejected", summary.rejected(), "limit", summary.limit());
            files++;
        }
        return files + " file(s) imported";
    }
}
