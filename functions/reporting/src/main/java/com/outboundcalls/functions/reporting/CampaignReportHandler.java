package com.outboundcalls.functions.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3ObjectSink;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.report.CampaignReports;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every hour: each running campaign's report (its contacts, their statuses and the history of every decision
 * taken about them) rewritten under {@code reports/{clientId}/{campaignId}/campaign-report.csv}.
 */
public final class CampaignReportHandler implements RequestHandler<Map<String, Object>, String> {

    private final CampaignReports reports;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("campaign-report");

    public CampaignReportHandler() {
        this(FunctionRuntime.system());
    }

    public CampaignReportHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        this.reports = new CampaignReports(new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE")),
                new DynamoContactBook(dynamo, runtime.require("CONTACTS_TABLE")),
                new S3ObjectSink(clients.s3(), runtime.require("REPORT_BUCKET")));
        this.clock = runtime.clock();
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        Instant at = ScheduledInput.scheduledTime(input, clock);
        List<Campaign> written = reports.writeActive(at);
        for (Campaign campaign : written) {
            log.info("campaign_report_written", "clientId", campaign.clientId(), "campaignId", campaign.campaignId());
        }
        return written.size() + " campaign report(s)";
    }
}
