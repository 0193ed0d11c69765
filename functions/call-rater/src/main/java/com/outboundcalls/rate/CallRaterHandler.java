package com.outboundcalls.rate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.account.CachedAccountDirectory;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.ConnectContactDescriptions;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCallControl;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.SqsDialQueue;
import com.outboundcalls.dial.DialFeeding;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.StructuredLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Call-events queue (EventBridge rule on aws.connect): rates disconnected calls, settles their contacts. */
public final class CallRaterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final CallRating rating;
    /** How long a campaign pause or account suspension may take to reach a running container. */
    static final java.time.Duration ACCOUNT_CACHE_TTL = java.time.Duration.ofSeconds(30);

    private final StructuredLog log = new StructuredLog("call-rater");
    private final SqsBatch batch = new SqsBatch(log);
    private final Metrics metrics;

    public CallRaterHandler() {
        this(FunctionRuntime.system());
    }

    public CallRaterHandler(FunctionRuntime runtime) {
        this.metrics = new Metrics("call-rater", runtime.clock());
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        // Releasing a line needs neither the limit nor the rate: they only bound claims.
        DynamoCallControl control = new DynamoCallControl(dynamo, runtime.require("CALLS_TABLE"), 0, 0,
                runtime.clock());
        CachedAccountDirectory accounts = new CachedAccountDirectory(
                new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE")), runtime.clock(), ACCOUNT_CACHE_TTL);
        DynamoContactBook contacts = new DynamoContactBook(dynamo, runtime.require("CONTACTS_TABLE"));
        // A freed line is taken again at once by its campaign's next contact, not a minute later.
        DialFeeding refill = new DialFeeding(accounts, contacts, control,
                new SqsDialQueue(clients.sqs(), runtime.require("DIAL_QUEUE_URL")),
                runtime.requireInt("CALLS_PER_SECOND"), runtime.requireInt("MAX_CONCURRENT_CALLS"),
                runtime.require("DEFAULT_CALLER_ID"));
        java.time.Clock clock = runtime.clock();
        this.rating = new CallRating(accounts, control,
                new DynamoPriceCatalog(dynamo, runtime.require("PRICE_LISTS_TABLE")),
                new DynamoRatedCallStore(dynamo, runtime.require("RATED_CALLS_TABLE")), contacts, control,
                new ConnectContactDescriptions(clients.connect(), runtime.require("CONNECT_INSTANCE_ID")),
                (clientId, campaignId) -> refill.refill(clientId, campaignId, clock.instant()));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, message -> {
            ContactEvent contactEvent = ContactEvent.fromEventBridgeJson(message.getBody());
            CallRating.Outcome outcome = rating.handle(contactEvent);
            if (outcome != CallRating.Outcome.IGNORED) {
                log.info("call_rated", "connectContactId", contactEvent.contactId(), "outcome", outcome);
            }
            if (outcome == CallRating.Outcome.UNRATED) {
                log.warn("call_unrated", "connectContactId", contactEvent.contactId());
                metrics.count("UnratedCalls", 1);
            }
        });
    }
}
