package com.outboundcalls.functions.pricelists;

import com.outboundcalls.rate.PriceListImport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3ObjectSink;
import com.outboundcalls.lambda.S3ObjectRef;
import com.outboundcalls.lambda.StructuredLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** S3 ObjectCreated under config/price-lists/: imports a price-list version. */
public final class PriceListImportHandler implements RequestHandler<S3Event, String> {

    private final S3Client s3;
    private final SqsClient sqs;
    private final String noticesQueueUrl;
    private final DynamoPriceCatalog prices;
    private final DynamoRatedCallStore ratedCalls;
    private final DynamoAccountDirectory accounts;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("price-list-import");

    public PriceListImportHandler() {
        this(FunctionRuntime.system());
    }

    public PriceListImportHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        this.s3 = clients.s3();
        this.sqs = clients.sqs();
        this.noticesQueueUrl = runtime.require("NOTIFICATIONS_QUEUE_URL");
        this.prices = new DynamoPriceCatalog(dynamo, runtime.require("PRICE_LISTS_TABLE"));
        this.ratedCalls = new DynamoRatedCallStore(dynamo, runtime.require("RATED_CALLS_TABLE"),
                runtime.require("CAMPAIGN_STATS_TABLE"));
        this.accounts = new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE"));
        this.clock = runtime.clock();
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        int files = 0;
        for (S3EventNotificationRecord record : event.getRecords()) {
            S3ObjectRef file = S3ObjectRef.of(record);
            PriceListImport importer = new PriceListImport(prices, ratedCalls, accounts,
                    new S3ObjectSink(s3, file.bucket()),
                    (clientId, notice) -> sqs.sendMessage(r -> r.queueUrl(noticesQueueUrl).messageBody(notice)), clock);
            PriceListImport.Outcome outcome = importer.importFile(file.key(), file.key() + "#" + file.version(),
                    () -> new InputStreamReader(s3.getObject(r -> r.bucket(file.bucket()).key(file.key())
                            .versionId(file.versionId())), StandardCharsets.UTF_8));
            log.info("price_list_imported", "key", file.key(), "accepted", outcome.accepted(), "rows", outcome.rows(),
                    "notified", outcome.notifiedClients().size(), "rerated", outcome.rerated());
            files++;
        }
        return files + " price list file(s)";
    }
}
