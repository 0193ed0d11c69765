package com.outboundcalls.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.IngestSummary;
import com.outboundcalls.ingest.OppositionImport;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.S3Handler;
import com.outboundcalls.lambda.S3ObjectRef;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.phone.RejectReason;

import java.util.List;


/** S3 ObjectCreated under config/opposition/: puts a client's suppression file on its opposition list. */
public final class OppositionImportHandler implements S3Handler {

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
        // Before a snapshot: a made-up contact file read and its numbers checked, in memory; and a made-up summary
        // written and read back, as a file imported already is answered (a redelivered event's path); and the ledger
        // asked whether a file of nobody is imported.
        wiring.primeS3ForTheBucketsItsEventsName();
        wiring.primeWith(MadeUpContactFile::read);
        wiring.primeWith(MadeUpContactFile.askWhetherDone(wiring, "config/opposition/"));
        wiring.primeWith(() -> OppositionImport.readSummary(OppositionImport.write(new OppositionImport.Summary(
                "priming.csv", PrimingEvents.NOBODY, IngestSummary.PROCESSED, null, 3, 2, 0, 1,
                java.util.Map.of(RejectReason.NOT_A_NUMBER, 1L), null, 1))));
        wiring.primeDry(dry -> {
            OppositionImportHandler handler = new OppositionImportHandler(dry);
            return () -> PrimingEvents.s3(handler, PrimingEvents.NOBODY, "config/opposition/" +
                    PrimingEvents.NOBODY + "/priming.csv");
        });
    }

    public OppositionImportHandler(IngestWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public String handleObjects(List<S3ObjectRef> objects, Context context) {
        int files = 0;
        for (S3ObjectRef ref : objects) {
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
