package com.outboundcalls.functions.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCampaignStats;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3FileReports;
import com.outboundcalls.aws.S3ObjectSink;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.report.Dashboards;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Regenerates clients' dashboards: every client's on its hourly schedule, and one client's when a message on
 * the dashboard queue asks for it (a campaign paused or finished, whose campaign report is then rewritten too). Each dashboard is rewritten whole from the campaigns'
 * counters, so a repeated run or a redelivered message only refreshes it.
 */
public final class DashboardHandler implements RequestHandler<Map<String, Object>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dashboards dashboards;
    private final DynamoAccountDirectory accounts;
    private final Metrics metrics;
    private final com.outboundcalls.report.CampaignReports reports;
    private final java.time.Clock clock;
    private final StructuredLog log = new StructuredLog("dashboard");

    public DashboardHandler() {
        this(FunctionRuntime.system());
    }

    public DashboardHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        this.accounts = new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE"));
        String bucket = runtime.require("REPORT_BUCKET");
        this.dashboards = new Dashboards(accounts::campaignsOf,
                new DynamoCampaignStats(dynamo, runtime.require("CAMPAIGN_STATS_TABLE")),
                new S3FileReports(clients.s3(), bucket), new S3ObjectSink(clients.s3(), bucket), runtime.clock());
        this.metrics = new Metrics("dashboard", runtime);
        this.reports = new com.outboundcalls.report.CampaignReports(accounts,
                new com.outboundcalls.aws.DynamoContactBook(dynamo, runtime.require("CONTACTS_TABLE")),
                new S3ObjectSink(clients.s3(), bucket));
        this.clock = runtime.clock();
    }

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> input, Context context) {
        Set<String> clientIds = new LinkedHashSet<>();
        Object records = input.get("Records");
        if (records instanceof List<?> messages) {
            for (Object message : messages) {
                String body = String.valueOf(((Map<String, Object>) message).get("body"));
                try {
                    JsonNode request = JSON.readTree(body);
                    String clientId = request.path("clientId").asText();
                    clientIds.add(clientId);
                    // A campaign paused or finished: its report, which the hourly run keeps only for running
                    // campaigns, is brought up to date now.
                    String campaignId = request.path("campaignId").asText(null);
                    if (campaignId != null) {
                        accounts.campaign(clientId, campaignId).ifPresent(campaign -> {
                            reports.write(campaign, clock.instant());
                            log.info("campaign_report_written", "clientId", clientId, "campaignId", campaignId);
                        });
                    }
                } catch (IOException e) {
                    log.error("dashboard_request_unreadable", "reason", e.getMessage());
                }
            }
        } else {
            accounts.clients().forEach(c -> clientIds.add(c.clientId()));
        }
        int written = 0;
        for (String clientId : clientIds) {
            Client client = accounts.client(clientId).orElse(null);
            if (client == null) {
                log.error("dashboard_for_unknown_client", "clientId", clientId);
                continue;
            }
            int campaigns = dashboards.regenerate(clientId, client.name()).size();
            log.info("dashboard_written", "clientId", clientId, "campaigns", campaigns);
            written++;
        }
        metrics.count("DashboardsWritten", written);
        return written + " dashboard(s)";
    }
}
