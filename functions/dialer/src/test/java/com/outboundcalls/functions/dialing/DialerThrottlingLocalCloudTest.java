package com.outboundcalls.functions.dialing;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.DialMessage;
import com.outboundcalls.infra.localcloud.LambdaEvents;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A dialer configured above Connect's quota (10 calls/s against Connect's 2/s, burst 5): Connect's 429s
 * come back as batch item failures, and the redelivered messages place the remaining calls, once each.
 */
class DialerThrottlingLocalCloudTest {

    private static LocalCloud cloud;
    private static DynamoContactBook contacts;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2026-10-05T08:30:00Z")))
                .parameter("CallsPerSecond", "10").start();
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        accounts.putClient(new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, null));
        accounts.putCampaign(new Campaign("acme", "spring", Campaign.Status.ACTIVE, "+33948123456", null, 1));
        contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    /** Messages whose id is their contact's, so that batch item failures name the contacts. */
    private static String sqsEvent(List<DialMessage> messages) {
        return LambdaEvents.sqs(cloud.arn("DialQueue"), LocalCloud.REGION, messages.stream()
                .map(m -> new LambdaEvents.SqsRecord(m.contactId(), "local-" + m.contactId(), m.toJson(),
                        Map.of("ApproximateReceiveCount", "1"))).toList());
    }

    @Test
    void throttledCallsAreReportedAsBatchItemFailuresAndPlacedOnceOnRedelivery() {
        List<DialMessage> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String e164 = "+3361700000" + i;
            String id = cloud.contactIds().of("acme", "spring", e164);
            contacts.addIfAbsent(new NewContact("acme", "spring", id, e164, "FR", "MOBILE", null, null, null, Map.of(),
                    "file", cloud.clock().instant()));
            contacts.claimForQueue("acme#spring", id, cloud.clock().instant(), cloud.clock().instant().plusSeconds(900));
            batch.add(new DialMessage("acme", "spring", id, 1));
        }

        SQSBatchResponse first = (SQSBatchResponse) cloud.function("DialerFunction").invoke(sqsEvent(batch));

        assertEquals(3, first.getBatchItemFailures().size(), "Connect's burst of 5 passed, three were throttled");
        assertEquals(5, cloud.connect().stats().callsPlaced());
        assertEquals(3, cloud.connect().stats().throttled());
        Set<String> failed = new HashSet<>();
        first.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        failed.forEach(id -> assertEquals(ContactStatus.QUEUED,
                contacts.get("acme#spring", id).orElseThrow().status(), "a throttled contact stays queued"));

        cloud.clock().advanceTo(cloud.clock().instant().plusSeconds(2));
        List<DialMessage> redelivered = batch.stream().filter(m -> failed.contains(m.contactId())).toList();
        SQSBatchResponse second = (SQSBatchResponse) cloud.function("DialerFunction").invoke(sqsEvent(redelivered));

        assertEquals(0, second.getBatchItemFailures().size());
        assertEquals(8, cloud.connect().stats().callsPlaced(), "every contact called, none twice");
        assertEquals(8, new HashSet<>(cloud.connect().placedDestinations()).size());
        assertEquals(8L, contacts.countByStatus("acme#spring").get(ContactStatus.DIALING));
    }
}
