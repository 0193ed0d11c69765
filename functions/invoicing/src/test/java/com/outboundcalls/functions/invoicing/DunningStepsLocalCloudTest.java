package com.outboundcalls.functions.invoicing;

import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.infra.localcloud.LambdaEvents;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The steps of a day's dunning on DunningQueue, in the local cloud: a step taken through before hands nothing
 * more on, whether SQS delivers its message again (a delete that failed, a second copy) or the step before it
 * handed it on twice, so the rest of the day's run is made once.
 */
class DunningStepsLocalCloudTest {

    private static final Instant MORNING = Instant.parse("2026-12-20T06:00:00Z"); // past the grace period

    @Test
    void aStepDeliveredAgainAfterItHandedTheNextOnHandsNothingMore() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder()
                .clock(LocalClock.simulated(FinanceApiLocalCloudTest.ISSUE_RUN)).start()) {
            FinanceApiLocalCloudTest.acmeInvoicedForOctober(cloud);
            cloud.clock().advanceTo(MORNING);

            // The day's first page of overdue invoices, as a message written before steps carried their run (known
            // by its message id): it hands the lifting step on.
            String body = "{\"dunning\":{\"day\":\"2026-12-20\",\"phase\":\"OVERDUE\",\"periods\":[]}}";
            String firstDelivery = step("m-overdue", body, "1", cloud);
            assertEquals(List.of(), failures(cloud.function("DunningFunction").invoke(firstDelivery)));
            assertEquals(1, cloud.queueDepth("DunningQueue"), "the lifting step handed on");

            // The same message again, as SQS delivers it when its delete failed: nothing more is handed on.
            assertEquals(List.of(), failures(cloud.function("DunningFunction").invoke(step("m-overdue", body, "2",
                    cloud))));
            assertEquals(1, cloud.queueDepth("DunningQueue"), "the rest of the day's run is not made twice");

            // Another message is another delivery of work: taken.
            assertEquals(List.of(), failures(cloud.function("DunningFunction").invoke(step("m-other", body, "1",
                    cloud))));
            assertEquals(2, cloud.queueDepth("DunningQueue"));
            assertEquals(Client.AccountStatus.SUSPENDED, new DynamoAccountDirectory(cloud.dynamoDb(),
                    cloud.physicalName("AccountsTable"))
                    .client("acme").orElseThrow().status());
            assertEquals(List.of(), cloud.accessDenials());
        }
    }

    @Test
    void aStepHandedOnTwiceInTwoMessagesIsTakenOnceAndAnotherRunsStepIsTaken() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder()
                .clock(LocalClock.simulated(FinanceApiLocalCloudTest.ISSUE_RUN)).start()) {
            FinanceApiLocalCloudTest.acmeInvoicedForOctober(cloud);
            cloud.clock().advanceTo(MORNING);

            // The morning run's first step, as the step before it (or a retried schedule) handed it on.
            String first = "{\"dunning\":{\"run\":\"morning\",\"index\":0,\"day\":\"2026-12-20\","
                    + "\"phase\":\"OVERDUE\",\"periods\":[]}}";
            assertEquals(List.of(), failures(cloud.function("DunningFunction").invoke(step("m-1", first, "1", cloud))));
            assertEquals(1, cloud.queueDepth("DunningQueue"), "the lifting step handed on");

            // The same step handed on again, in a message of its own (the step before it was taken again after it
            // had handed this one on, before its note): nothing more is handed on.
            assertEquals(List.of(), failures(cloud.function("DunningFunction").invoke(step("m-2", first, "1", cloud))));
            assertEquals(1, cloud.queueDepth("DunningQueue"), "the rest of the morning's run is not made twice");

            // A run started again under another name (an operator's) redoes the day.
            String again = first.replace("\"run\":\"morning\"", "\"run\":\"operator\"");
            assertEquals(List.of(), failures(cloud.function("DunningFunction").invoke(step("m-3", again, "1", cloud))));
            assertEquals(2, cloud.queueDepth("DunningQueue"));
            assertEquals(List.of(), cloud.accessDenials());
        }
    }

    /** The batch response's failed message ids, as the function wrote them. */
    private static List<String> failures(Object response) {
        Object failures = ((Map<?, ?>) response).get("batchItemFailures");
        return ((List<?>) failures).stream().map(f -> String.valueOf(((Map<?, ?>) f).get("itemIdentifier"))).toList();
    }

    private static String step(String messageId, String body, String receiveCount, LocalCloud cloud) {
        return LambdaEvents.sqs(cloud.arn("DunningQueue"), LocalCloud.REGION, List.of(new LambdaEvents.SqsRecord(
                messageId, "r-" + messageId + "-" + receiveCount, body, Map.of("ApproximateReceiveCount",
                receiveCount))));
    }
}
