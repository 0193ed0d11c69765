package com.outboundcalls.functions.dialing;

import com.outboundcalls.dial.ConnectSetup;
import com.outboundcalls.dial.DialMessage;
import com.outboundcalls.dial.Dialing;
import com.outboundcalls.dial.OutboundCalls;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.account.CachedAccountDirectory;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.ConnectOutboundCalls;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCallControl;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoOppositionList;
import com.outboundcalls.aws.DynamoProspectingHistories;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.StructuredLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Dial queue: one Amazon Connect outbound call per message; throttled messages come back later. */
public final class DialerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final Dialing dialing;
    /** How long a campaign pause or account suspension may take to reach a running container. */
    static final java.time.Duration ACCOUNT_CACHE_TTL = java.time.Duration.ofSeconds(30);

    private final com.outboundcalls.lambda.Metrics metrics;
    private final StructuredLog log = new StructuredLog("dialer");
    private final SqsBatch batch = new SqsBatch(log);

    public DialerHandler() {
        this(FunctionRuntime.system());
    }

    public DialerHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        DynamoCallControl control = new DynamoCallControl(dynamo, runtime.require("CALLS_TABLE"),
                runtime.requireInt("MAX_CONCURRENT_CALLS"), runtime.requireInt("CALLS_PER_SECOND"), runtime.clock());
        this.dialing = new Dialing(new CachedAccountDirectory(new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE")),
                        runtime.clock(), ACCOUNT_CACHE_TTL),
                new DynamoContactBook(dynamo, runtime.require("CONTACTS_TABLE"),
                        runtime.require("CAMPAIGN_STATS_TABLE")), control, control,
                new ConnectOutboundCalls(clients.connect(), runtime.require("CONNECT_INSTANCE_ID"),
                        runtime.require("CONTACT_FLOW_ID"), connectSetup(runtime).connectCampaignId()),
                control, new DynamoOppositionList(dynamo, runtime.require("OPPOSITIONS_TABLE")),
                new DynamoProspectingHistories(dynamo, runtime.require("CALLS_TABLE")),
                connectSetup(runtime), runtime.clock(), runtime.sleeper());
        this.metrics = new com.outboundcalls.lambda.Metrics("dialer", runtime);
    }

    /** DEFAULT_CALLER_ID, and CONNECT_CAMPAIGN_ID when answering-machine detection is available (may be empty). */
    static ConnectSetup connectSetup(FunctionRuntime runtime) {
        return new ConnectSetup(runtime.require("DEFAULT_CALLER_ID"),
                runtime.environment().get("CONNECT_CAMPAIGN_ID"));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        java.util.Map<Dialing.Outcome, Long> outcomes = new java.util.EnumMap<>(Dialing.Outcome.class);
        long[] throttled = {0};
        SQSBatchResponse response = batch.process(event, message -> {
            DialMessage dial = DialMessage.fromJson(message.getBody());
            Dialing.Outcome outcome;
            try {
                outcome = dialing.dial(dial);
            } catch (OutboundCalls.CallThrottledException e) {
                throttled[0]++;
                throw e;
            }
            outcomes.merge(outcome, 1L, Long::sum);
            log.info("dial", "clientId", dial.clientId(), "campaignId", dial.campaignId(), "contactId",
                    dial.contactId(), "attempt", dial.attempt(), "outcome", outcome);
        });
        // One metric line per kind of outcome in the batch: calls placed, throttles, deferrals by reason.
        metrics.count("CallsPlaced", outcomes.getOrDefault(Dialing.Outcome.PLACED, 0L));
        if (throttled[0] > 0) {
            metrics.count("Throttles", throttled[0]);
        }
        outcomes.forEach((outcome, n) -> {
            if (outcome != Dialing.Outcome.PLACED) {
                metrics.count("Deferrals", n, "Reason", outcome.name());
            }
        });
        return response;
    }
}
