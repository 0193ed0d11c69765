package com.outboundcalls.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoFileLedger;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3ObjectSink;
import com.outboundcalls.lambda.S3ObjectRef;
import com.outboundcalls.lambda.StructuredLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

/** S3 ObjectCreated under incoming/: ingests each file named by the event. */
public final class ContactIngestHandler implements RequestHandler<S3Event, String> {

    private final S3Client s3;
    private final DynamoAccountDirectory accounts;
    private final DynamoContactBook contacts;
    private final DynamoFileLedger ledger;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("contact-ingest");

    public ContactIngestHandler() {
        this(FunctionRuntime.system());
    }

    public ContactIngestHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        this.s3 = clients.s3();
        this.accounts = new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE"));
        String contactsTable = runtime.require("CONTACTS_TABLE");
        this.contacts = new DynamoContactBook(dynamo, contactsTable);
        this.ledger = new DynamoFileLedger(dynamo, contactsTable);
        this.clock = runtime.clock();
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        int files = 0;
        for (S3EventNotificationRecord record : event.getRecords()) {
            S3ObjectRef file = S3ObjectRef.of(record);
            ContactIngestion ingestion = new ContactIngestion(accounts, contacts, ledger,
                    new S3ObjectSink(s3, file.bucket()), clock);
            IngestSummary summary = ingestion.ingest(
                    new ContactIngestion.UploadedFile(file.bucket(), file.key(), file.version()),
                    () -> s3.getObject(r -> r.bucket(file.bucket()).key(file.key()).versionId(file.versionId())));
            log.info("file_ingested", "key", file.key(), "status", summary.status(), "accepted", summary.accepted(),
                    "rejected", summary.rejected(), "skipped", summary.skipped());
            files++;
        }
        return files + " file(s) ingested";
    }
}
