package com.outboundcalls.functions.pricelists;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.SqsRerateHandover;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.S3Handler;
import com.outboundcalls.lambda.S3ObjectRef;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.rate.PriceListImport;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** S3 ObjectCreated under config/price-lists/: imports a price-list version. */
public final class PriceListImportHandler implements S3Handler {

    /** The import of price-list files of a bucket, and the content of one file's version. */
    public interface PriceLists {
        PriceListImport importer(String bucket);

        Supplier<Reader> content(String bucket, String key, String versionId);
    }

    private final PriceLists priceLists;
    private final StructuredLog log = new StructuredLog("price-list-import");

    public PriceListImportHandler() {
        this(FunctionRuntime.system());
    }

    public PriceListImportHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private PriceListImportHandler(Wiring wiring) {
        this(priceLists(wiring));
        wiring.primeS3ForTheBucketsItsEventsName();
        // Before a snapshot, through the function's own client: a price of a list of nobody looked up (none).
        wiring.primeWith(() -> wiring.priceCatalog().priceAt(PrimingEvents.NOBODY, "FR", "FR", "MOBILE",
                java.time.Instant.EPOCH));
        wiring.primeDry(dry -> {
            PriceListImportHandler handler = new PriceListImportHandler(dry);
            return () -> PrimingEvents.s3(handler, PrimingEvents.NOBODY,
                    "config/price-lists/" + PrimingEvents.NOBODY + "/priming.csv");
        });
    }

    public PriceListImportHandler(PriceLists priceLists) {
        this.priceLists = priceLists;
    }

    private static PriceLists priceLists(Wiring wiring) {
        String noticesQueueUrl = wiring.require("NOTIFICATIONS_QUEUE_URL");
        SqsRerateHandover rerating = new SqsRerateHandover(wiring.sqs(), wiring.require("RERATE_QUEUE_URL"));
        return new PriceLists() {
            @Override
            public PriceListImport importer(String bucket) {
                return new PriceListImport(wiring.priceCatalog(), rerating, wiring.accountDirectory(),
                        wiring.objectSink(bucket), (clientId, notice) -> wiring.sqs().sendMessage(r -> r
                        .queueUrl(noticesQueueUrl).messageBody(notice)), wiring.clock());
            }

            @Override
            public Supplier<Reader> content(String bucket, String key, String versionId) {
                return () -> new InputStreamReader(wiring.s3().getObject(r -> r.bucket(bucket).key(key)
                        .versionId(versionId)), StandardCharsets.UTF_8);
            }
        };
    }

    @Override
    public String handleObjects(List<S3ObjectRef> objects, Context context) {
        int files = 0;
        for (S3ObjectRef file : objects) {
            PriceListImport.Outcome outcome = priceLists.importer(file.bucket()).importFile(file.key(),
                    file.key() + "#" + file.version(), priceLists.content(file.bucket(), file.key(), file.versionId()));
            log.info("price_list_imported", "key", file.key(), "accepted", outcome.accepted(), "rows", outcome.rows(),
                    "notified", outcome.notifiedClients().size(), "routes_to_rerate", outcome.routesToRerate());
            files++;
        }
        return files + " price list file(s)";
    }
}
