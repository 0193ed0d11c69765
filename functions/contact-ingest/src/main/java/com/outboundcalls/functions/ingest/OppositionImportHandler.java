package com.outboundcalls.functions.ingest;

import com.outboundcalls.ingest.OppositionImport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoOppositionList;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3ObjectSink;
import com.outboundcalls.lambda.S3ObjectRef;
import com.outboundcalls.lambda.StructuredLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

/** S3 ObjectCreated under config/opposition/: puts a client's suppression file on its opposition list. */
public final class OppositionImportHandler implements RequestHandler<S3Event, String> {

    private final S3Client s3;
    private final DynamoAccountDirectory accounts;
    private final DynamoOppositionList oppositions;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("opposition-import");

    public OppositionImportHandler() {
        this(FunctionRuntime.system());
    }

    public OppositionImportHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        this.s3 = clients.s3();
        this.accounts = new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE"));
        this.oppositions = new DynamoOppositionList(dynamo, runtime.require("OPPOSITIONS_TABLE"));
        this.clock = runtime.clock();
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        int files = 0;
        for (S3EventNotificationRecord record : event.getRecords()) {
            S3ObjectRef ref = S3ObjectRef.of(record);
            OppositionImport.Summary summary = new OppositionImport(accounts, oppositions,
                    new S3ObjectSink(s3, ref.bucket()), clock).importFile(ref.key(),
                    () -> s3.getObject(r -> r.bucket(ref.bucket()).key(ref.key()).versionId(ref.versionId())));
            log.info("opposition_imported", "key", ref.key(), "status", summary.status(), "listed", summary.listed(),
                    "rejected", summary.rejected());
            files++;
        }
        return files + " file(s) imported";
    }
}
