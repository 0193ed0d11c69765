package com.outboundcalls.rate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.account.CachedAccountDirectory;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.ConnectContactDescriptions;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCallControl;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.lambda.StructuredLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.Map;

/** Every few minutes: lines held longer than a call plausibly lasts are checked with DescribeContact. */
public final class LineAuditHandler implements RequestHandler<Map<String, Object>, String> {

    /** Longer than any call the simulator or a real campaign is expected to hold (talk is capped at 20 minutes). */
    static final Duration OVERDUE = Duration.ofMinutes(30);

    private final LineAudit audit;
    private final StructuredLog log = new StructuredLog("line-audit");

    public LineAuditHandler() {
        this(FunctionRuntime.system());
    }

    public LineAuditHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        DynamoCallControl control = new DynamoCallControl(dynamo, runtime.require("CALLS_TABLE"), 0, 0,
                runtime.clock());
        ConnectContactDescriptions descriptions = new ConnectContactDescriptions(clients.connect(),
                runtime.require("CONNECT_INSTANCE_ID"));
        CallRating rating = new CallRating(new CachedAccountDirectory(
                new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE")), runtime.clock(),
                CallRaterHandler.ACCOUNT_CACHE_TTL), control,
                new DynamoPriceCatalog(dynamo, runtime.require("PRICE_LISTS_TABLE")),
                new DynamoRatedCallStore(dynamo, runtime.require("RATED_CALLS_TABLE")),
                new DynamoContactBook(dynamo, runtime.require("CONTACTS_TABLE")), control, descriptions);
        this.audit = new LineAudit(control, descriptions, rating, runtime.clock(), OVERDUE);
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        LineAudit.Report report = audit.run();
        log.info("lines_audited", "held", report.held(), "overdue", report.overdue(), "repaired", report.repaired(),
                "stillInCall", report.stillInCall(), "freedWithoutCall", report.freedWithoutCall());
        return report.toString();
    }
}
