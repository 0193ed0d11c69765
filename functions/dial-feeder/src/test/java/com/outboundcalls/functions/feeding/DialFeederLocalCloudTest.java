package com.outboundcalls.functions.feeding;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.DialMessage;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** dial-feeder in the local cloud: the hopper in DynamoDB Local, the dial queue in ElasticMQ. */
class DialFeederLocalCloudTest {

    private static LocalCloud cloud;
    private static DynamoContactBook contacts;
    private static DynamoAccountDirectory accounts;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2026-10-05T06:00:00Z"))).start();
        accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
        accounts.putClient(new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, null));
        accounts.putClient(new Client("globex", "Globex", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, null));
        accounts.putCampaign(new Campaign("acme", "big", Campaign.Status.ACTIVE, null, null, 1));
        accounts.putCampaign(new Campaign("globex", "small", Campaign.Status.ACTIVE, null, null, 1));
        accounts.putCampaign(new Campaign("globex", "paused", Campaign.Status.PAUSED, null, null, 1));
        add("acme", "big", 30, "FR", "+3361400");
        add("globex", "small", 3, "FR", "+3361500");
        add("globex", "small", 2, "RE", "+262692100");
        add("globex", "paused", 5, "FR", "+3361600");
    }

    private static void add(String client, String campaign, int n, String region, String prefix) {
        for (int i = 0; i < n; i++) {
            String e164 = prefix + String.format("%03d", i);
            contacts.addIfAbsent(new NewContact(client, campaign, cloud.contactIds().of(client, campaign, e164), e164, region,
                    "MOBILE", null, null, null, Map.of(), "file", Instant.parse("2026-10-05T05:00:00Z")));
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String minute(Instant at) {
        return EventFixtures.json("scheduled-minute.json", "scheduledTime", at.toString());
    }

    private static List<DialMessage> drainDialQueue() {
        List<DialMessage> messages = new ArrayList<>();
        String url = cloud.physicalName("DialQueue");
        while (true) {
            List<Message> batch = cloud.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
            if (batch.isEmpty()) {
                return messages;
            }
            batch.forEach(m -> messages.add(DialMessage.fromJson(m.body())));
            batch.forEach(m -> cloud.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
    }

    @Test
    void theFeederQueuesWhatTheFreeLinesAllowSharedFairlyAndWithinEachCalleesWindow() throws IOException {
        // Monday 5 October 2026, 08:30 UTC: 10:30 in Paris (open), 12:30 in Réunion (open).
        Instant monday = Instant.parse("2026-10-05T08:30:00Z");
        cloud.clock().advanceTo(monday);
        cloud.function("DialFeederFunction").invoke(minute(monday));
        List<DialMessage> first = drainDialQueue();

        assertEquals(10, first.size(), "ten free lines, ten contacts queued");
        long small = first.stream().filter(m -> m.campaignId().equals("small")).count();
        assertEquals(5, small, "the small campaign gets its fair half");
        assertEquals(0, first.stream().filter(m -> m.campaignId().equals("paused")).count());
        first.forEach(m -> assertEquals(1, m.attempt()));

        // The same minute delivered again (a scheduler retry) queues only contacts not queued yet.
        cloud.function("DialFeederFunction").invoke(minute(monday));
        List<DialMessage> again = drainDialQueue();
        Set<String> firstIds = new HashSet<>();
        first.forEach(m -> firstIds.add(m.contactId()));
        again.forEach(m -> assertEquals(false, firstIds.contains(m.contactId()), "no contact queued twice"));
        assertEquals(ContactStatus.QUEUED, contacts.get("globex#small", first.stream()
                .filter(m -> m.campaignId().equals("small")).findFirst().orElseThrow().contactId())
                .orElseThrow().status());
    }

    @Test
    void contactsOutsideTheirWindowWaitForTheNextOpening() throws IOException {
        // Saturday 10 October 2026 10:00 UTC: closed in Paris and in Réunion.
        Instant saturday = Instant.parse("2026-10-10T10:00:00Z");
        cloud.clock().advanceTo(saturday);
        cloud.function("DialFeederFunction").invoke(minute(saturday));
        assertEquals(0, drainDialQueue().size());
        assertEquals(List.of(), contacts.due("acme#big", Instant.parse("2026-10-12T07:59:59Z"), 100),
                "no contact is due before Monday 10:00 Paris");
        assertEquals(30, contacts.due("acme#big", Instant.parse("2026-10-12T08:00:00Z"), 100).size(),
                "every contact of the campaign is due at Monday's opening, the queued ones included");
    }
}
