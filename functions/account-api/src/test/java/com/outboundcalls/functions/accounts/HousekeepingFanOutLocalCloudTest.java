package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.ClientAccounts;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The nightly housekeeping fanned out on ElasticMQ: the schedule's invocation queues one request per client, the same
 * night's requests sent twice are dropped as duplicates, each client's request is its own message group, and each is
 * taken by ClientHousekeepingFunction; a request that names no client fails alone.
 */
class HousekeepingFanOutLocalCloudTest {

    private static final Actor OPS = Actor.operator("arn:aws:iam::000000000000:role/ops");
    private static final Instant NIGHT = Instant.parse("2026-11-30T23:30:00Z");

    @Test
    void theNightQueuesOneRequestPerClientOnceAndEachClientsIsTakenOnItsOwn() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(NIGHT)).start()) {
            AccountAdministration admin = new AccountAdministration(new DynamoAccountRecords(cloud.dynamoDb(),
                    cloud.physicalName("AccountsTable"), cloud.physicalName("OppositionsTable")), "+33948000000",
                    cloud.clock());
            for (String client : List.of("acme", "globex", "initech")) {
                admin.onboard(OPS, null, new ClientAccounts.Onboarding(client, client.toUpperCase(), "FR",
                        new LegalEntity(client + " SAS", "3 rue des Lilas", "69003", "Lyon", "FR", "542107651",
                                LegalEntity.frenchVatNumber("542107651")), "compta@" + client + ".example",
                        new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")), null, null, null,
                        LocalDate.of(2026, 10, 1), null, ClientAccounts.tariff(3, 120), false, null, null));
            }
            String night = EventFixtures.json("scheduled-every-night.json", "scheduledTime", NIGHT.toString());

            cloud.function("AccountHousekeepingFunction").invoke(night);
            cloud.function("AccountHousekeepingFunction").invoke(night); // the schedule retried
            assertEquals(3, cloud.queueDepth("HousekeepingQueue"), "one request per client, the second night's dropped");
            List<Message> peeked = cloud.sqs().receiveMessage(r -> r.queueUrl(cloud.physicalName("HousekeepingQueue"))
                    .maxNumberOfMessages(10).visibilityTimeout(0).messageSystemAttributeNamesWithStrings("MessageGroupId"))
                    .messages();
            assertEquals(List.of("acme", "globex", "initech"), peeked.stream()
                    .map(m -> m.attributesAsStrings().get("MessageGroupId")).sorted().toList(), "a group per client");
            assertEquals("{\"clientId\":\"acme\",\"night\":\"2026-12-01\"}", peeked.stream()
                    .filter(m -> m.body().contains("acme")).findFirst().orElseThrow().body(), "the night in Paris");

            cloud.drain();
            assertEquals(0, cloud.queueDepth("HousekeepingQueue"));
            assertEquals(3, cloud.function("ClientHousekeepingFunction").invocations());
            assertEquals(0, cloud.function("ClientHousekeepingFunction").errors());

            SQSBatchResponse refused = (SQSBatchResponse) cloud.function("ClientHousekeepingFunction").invoke(
                    sqsEvent("{\"night\":\"2026-12-01\"}"));
            assertEquals(List.of("m-1"), refused.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        }
    }

    private static String sqsEvent(String body) {
        return "{\"Records\":[{\"messageId\":\"m-1\",\"receiptHandle\":\"r-1\",\"body\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(body) + ",\"eventSource\":\"aws:sqs\","
                + "\"awsRegion\":\"eu-west-3\",\"attributes\":{\"ApproximateReceiveCount\":\"1\"}}]}";
    }
}
