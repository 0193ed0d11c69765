package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.ErasureRequest;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3StoredFiles;
import com.outboundcalls.erasure.CalleeErasure;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.HttpJson;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.SqsHandler;
import com.outboundcalls.lambda.StructuredLog;

/**
 * The erasure queue: each message names a callee erasure request ({@code clientId}, {@code requestId}) that the
 * erasure runs through ({@link CalleeErasure}); a redelivered one finds it done. One that waits for an upload still
 * being ingested, or fails, comes back alone (ReportBatchItemFailures) after the queue's visibility timeout and,
 * after five tries, waits in the dead-letter queue, with its alarm.
 */
public final class CalleeErasureHandler implements SqsHandler {

    private final CalleeErasure erasure;
    private final Metrics metrics;
    private final StructuredLog log = new StructuredLog("callee-erasure");
    private final SqsBatch batch = new SqsBatch(log);

    public CalleeErasureHandler() {
        this(FunctionRuntime.system());
    }

    public CalleeErasureHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private CalleeErasureHandler(Wiring wiring) {
        this(new CalleeErasure(wiring.accountRecords(), new AccountAdministration(wiring.accountRecords(),
                        wiring.require("DEFAULT_CALLER_ID"), wiring.clock()), wiring.contactBook(),
                        wiring.prospectingHistories(), new S3StoredFiles(wiring.s3(), wiring.require("CONTACT_BUCKET")),
                        wiring.fileLedger(), wiring.contactIds(), reportRewrites(wiring)),
                wiring.metrics("callee-erasure"));
        // Before a snapshot, through the function's own client: the account of nobody looked up (not found).
        wiring.primeWith(() -> wiring.accountDirectory().client(PrimingEvents.NOBODY));
        wiring.primeDry(dry -> {
            CalleeErasureHandler handler = new CalleeErasureHandler(dry);
            String body = "{\"clientId\":\"" + PrimingEvents.NOBODY + "\",\"requestId\":\"" + PrimingEvents.NOBODY
                    + "\"}";
            return () -> PrimingEvents.sqs(handler, body);
        });
    }

    /** The campaign reports' latest rewrites, in CAMPAIGN_STATS_TABLE. */
    private static CalleeErasure.ReportRewrites reportRewrites(Wiring wiring) {
        com.outboundcalls.aws.DynamoLatestRewrites rewrites = new com.outboundcalls.aws.DynamoLatestRewrites(
                wiring.dynamoDb(), wiring.require("CAMPAIGN_STATS_TABLE"), wiring.clock());
        return (campaign, erasure) -> rewrites.started(com.outboundcalls.report.CampaignReport.csvKey(campaign),
                erasure);
    }

    public CalleeErasureHandler(CalleeErasure erasure, Metrics metrics) {
        this.erasure = erasure;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        int[] done = {0};
        SQSBatchResponse response = batch.process(event, message -> {
            JsonNode body;
            try {
                body = HttpJson.read(message.getBody());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("an erasure message is JSON", e);
            }
            String clientId = body.path("clientId").asText(null);
            String requestId = body.path("requestId").asText(null);
            if (clientId == null || requestId == null) {
                throw new IllegalArgumentException("an erasure message names clientId and requestId");
            }
            ErasureRequest request = erasure.run(clientId, requestId);
            log.info("callee_erased", "clientId", clientId, "requestId", requestId, "erased", request.erased());
            done[0]++;
        });
        metrics.count("CalleeErasuresCompleted", done[0]);
        return response;
    }
}
