package com.outboundcalls.functions.feeding;

import com.outboundcalls.dial.ConnectSetup;
import com.outboundcalls.dial.DialFeeding;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCallControl;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.SqsDialQueue;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/** Every minute (EventBridge Scheduler): moves the contacts callable now into the dial queue. */
public final class DialFeederHandler implements RequestHandler<Map<String, Object>, String> {

    private final DialFeeding feeding;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("dial-feeder");

    public DialFeederHandler() {
        this(FunctionRuntime.system());
    }

    public DialFeederHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        int callsPerSecond = runtime.requireInt("CALLS_PER_SECOND");
        int maxConcurrent = runtime.requireInt("MAX_CONCURRENT_CALLS");
        this.feeding = new DialFeeding(new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE")),
                new DynamoContactBook(dynamo, runtime.require("CONTACTS_TABLE"),
                        runtime.require("CAMPAIGN_STATS_TABLE")),
                new DynamoCallControl(dynamo, runtime.require("CALLS_TABLE"), maxConcurrent, callsPerSecond,
                        runtime.clock()),
                new SqsDialQueue(clients.sqs(), runtime.require("DIAL_QUEUE_URL")), callsPerSecond, maxConcurrent,
                new ConnectSetup(runtime.require("DEFAULT_CALLER_ID"), runtime.environment().get("CONNECT_CAMPAIGN_ID")));
        this.clock = runtime.clock();
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        DialFeeding.FeedReport report = feeding.feed(ScheduledInput.scheduledTime(input, clock));
        report.refused().forEach((campaign, why) -> log.error("campaign_refused", "campaign", campaign, "reason", why));
        if (report.queued() > 0 || report.deferredToWindow() > 0) {
            log.info("feed", "budget", report.budget(), "campaigns", report.campaigns(), "queued", report.queued(),
                    "deferredToWindow", report.deferredToWindow());
        }
        return "queued " + report.queued();
    }
}
