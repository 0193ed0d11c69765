package com.outboundcalls.functions.ingest;

import com.outboundcalls.ingest.ContactIngestion;

import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoFileLedger;
import com.outboundcalls.aws.DynamoOppositionList;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.RangedObjectStream;
import com.outboundcalls.aws.S3ObjectSink;
import com.outboundcalls.aws.SqsIngestHandover;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.time.Duration;
import java.util.function.Supplier;

/** The clients and stores both contact-ingest entry points use, built once per container from the environment. */
final class IngestWiring {

    private final S3Client s3;
    private final DynamoAccountDirectory accounts;
    private final DynamoContactBook contacts;
    private final DynamoFileLedger ledger;
    private final DynamoOppositionList oppositions;
    private final SqsIngestHandover handover;
    private final FunctionRuntime runtime;
    private final ContactIngestion.Limits limits;

    IngestWiring(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        this.runtime = runtime;
        this.s3 = clients.s3();
        this.accounts = new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE"));
        String contactsTable = runtime.require("CONTACTS_TABLE");
        this.contacts = new DynamoContactBook(dynamo, contactsTable, runtime.require("CAMPAIGN_STATS_TABLE"));
        this.ledger = new DynamoFileLedger(dynamo, contactsTable, runtime.require("CAMPAIGN_STATS_TABLE"));
        this.oppositions = new DynamoOppositionList(dynamo, runtime.require("OPPOSITIONS_TABLE"));
        this.handover = new SqsIngestHandover(clients.sqs(), runtime.require("INGEST_HANDOVER_QUEUE_URL"));
        ContactIngestion.Limits defaults = ContactIngestion.Limits.DEFAULT;
        this.limits = new ContactIngestion.Limits(
                optionalLong("MAX_FILE_MEGABYTES", defaults.maxFileBytes() >> 20) << 20,
                optionalLong("MAX_ROWS_PER_FILE", defaults.maxRows()),
                optionalLong("ROWS_PER_INVOCATION", defaults.rowsPerInvocation()),
                Duration.ofSeconds(optionalLong("HANDOVER_MARGIN_SECONDS", defaults.handoverMargin().toSeconds())));
    }

    private long optionalLong(String name, long fallback) {
        String value = runtime.environment().get(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }

    ContactIngestion ingestion(String bucket) {
        return new ContactIngestion(accounts, contacts, oppositions, ledger, new S3ObjectSink(s3, bucket), handover,
                runtime.clock(), limits);
    }

    /**
     * The content of exactly this version of the file (its version id, or its ETag when unversioned), read
     * range by range; a file whose size the event did not give is read in one request.
     */
    Supplier<InputStream> content(ContactIngestion.UploadedFile file) {
        if (file.size() > 0) {
            return () -> new RangedObjectStream(s3, file.bucket(), file.key(), file.versionId(), file.version(),
                    file.size());
        }
        return () -> s3.getObject(r -> RangedObjectStream.pinVersion(r.bucket(file.bucket()).key(file.key()),
                file.versionId(), file.version()));
    }
}
