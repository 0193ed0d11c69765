package com.outboundcalls.functions.rating;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCallControl;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.contact.Contact;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.dial.ClientTokens;
import com.outboundcalls.infra.localcloud.LambdaEvents;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import com.outboundcalls.rate.RatedCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call-rater in the local cloud: SQS events as Lambda sends them, DynamoDB Local behind. */
class CallRaterLocalCloudTest {

    private static final Instant NOW = Instant.parse("2026-10-05T09:05:00Z");
    private static LocalCloud cloud;
    private static DynamoContactBook contacts;
    private static DynamoCallControl calls;
    private static DynamoRatedCallStore rated;
    private static int sequence;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(NOW)).start();
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        accounts.putClient(new Client("acme", "ACME", "FR",
                new Client.Tariff(2, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null));
        accounts.putCampaign(new Campaign("acme", "spring", Campaign.Status.ACTIVE, "+33948123456", "script-1", 1));
        new DynamoPriceCatalog(cloud.dynamoDb(), cloud.physicalName("PriceListsTable")).putRow("default", "v2026",
                "FR", "FR", "MOBILE", new BigDecimal("0.12"), Instant.parse("2026-01-01T00:00:00Z"));
        contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
        calls = new DynamoCallControl(cloud.dynamoDb(), cloud.physicalName("CallsTable"), 10, 2, cloud.clock());
        rated = new DynamoRatedCallStore(cloud.dynamoDb(), cloud.physicalName("RatedCallsTable"));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    /** A contact dialing its {@code attempt}th call, with the call recorded and its line held. */
    private static String[] dialingContact(int attempt) {
        String e164 = String.format("+3361300%04d", ++sequence);
        String contactId = cloud.contactIds().of("acme", "spring", e164);
        contacts.addIfAbsent(new NewContact("acme", "spring", contactId, e164, "FR", "MOBILE", null, null, null,
                Map.of(), "file", NOW));
        for (int a = 1; a < attempt; a++) {
            contacts.claimForQueue("acme#spring", contactId, NOW, NOW.plusSeconds(60));
            contacts.markDialing("acme#spring", contactId, a, "earlier-" + a + "-" + sequence, NOW);
            contacts.settle("acme#spring", contactId, "earlier-" + a + "-" + sequence, ContactStatus.CALLABLE, NOW,
                    "NO_ANSWER", NOW);
        }
        String connectContactId = UUID.randomUUID().toString();
        String token = ClientTokens.of(contactId, attempt);
        contacts.claimForQueue("acme#spring", contactId, NOW, NOW.plusSeconds(60));
        calls.claim(token);
        calls.record(new CallRecord(connectContactId, token, "acme", "spring", contactId, attempt, "FR", "FR",
                "MOBILE", NOW));
        contacts.markDialing("acme#spring", contactId, attempt, connectContactId, NOW);
        return new String[]{contactId, connectContactId};
    }

    private static String fixture(String name, String connectContactId) throws IOException {
        return EventFixtures.json(name, "contactId", connectContactId);
    }

    /** The SQS event Lambda sends for these message bodies. */
    private static String sqsEvent(String... bodies) {
        return LambdaEvents.sqs(cloud, "CallEventsQueue", List.of(bodies));
    }

    private static List<RatedCall> ratedCallsOf(String contactId) {
        List<RatedCall> found = new ArrayList<>();
        rated.forEachInMonth("acme", YearMonth.of(2026, 10), c -> {
            if (c.contactId().equals(contactId)) {
                found.add(c);
            }
        });
        return found;
    }

    @Test
    void aDuplicatedOutOfOrderEventYieldsOneRatedCallAndOneSettlement() throws IOException {
        String[] ids = dialingContact(1);
        int linesBefore = calls.active();
        String disconnected = fixture("contact-event-disconnected.json", ids[1]);
        String connected = fixture("contact-event-connected.json", ids[1]);

        cloud.function("CallRaterFunction").invoke(sqsEvent(disconnected, connected, disconnected));
        cloud.function("CallRaterFunction").invoke(sqsEvent(disconnected));

        List<RatedCall> calls = ratedCallsOf(ids[0]);
        assertEquals(1, calls.size());
        RatedCall call = calls.get(0);
        // 09:00:01.000 -> 09:01:02.001 is 61.001 s: 62 started seconds, at 0.12 EUR/min = 0.124000
        assertEquals(62, call.billedSeconds());
        assertEquals(new BigDecimal("0.124000"), call.amount());
        assertEquals("v2026", call.priceListVersion());
        assertEquals(ContactStatus.REACHED, contacts.get("acme#spring", ids[0]).orElseThrow().status());
        assertEquals(linesBefore - 1, CallRaterLocalCloudTest.calls.active(), "the line was released once");
        RatedCall forDispute = rated.byConnectContactId(ids[1]).orElseThrow();
        assertEquals(call, forDispute, "found by Connect ContactId with everything a dispute needs");
    }

    @Test
    void anUnansweredCallIsRecordedAtZeroAndTheContactIsTriedAgainAfterTheTariffsDelay() throws IOException {
        String[] ids = dialingContact(1);
        cloud.function("CallRaterFunction").invoke(sqsEvent(fixture("contact-event-unanswered.json", ids[1])));

        RatedCall call = ratedCallsOf(ids[0]).get(0);
        assertEquals(0, call.billedSeconds());
        assertNull(call.answeredAt());
        Contact contact = contacts.get("acme#spring", ids[0]).orElseThrow();
        assertEquals(ContactStatus.CALLABLE, contact.status());
        assertEquals(Instant.parse("2026-10-05T10:00:30Z"), contact.dueAt());
    }

    @Test
    void theLastAttemptAllowedByTheTariffLeavesTheContactNotReached() throws IOException {
        String[] ids = dialingContact(2);
        cloud.function("CallRaterFunction").invoke(sqsEvent(fixture("contact-event-unanswered.json", ids[1])));
        assertEquals(ContactStatus.NOT_REACHED, contacts.get("acme#spring", ids[0]).orElseThrow().status());
    }

    @Test
    void anEventWithoutTimestampsIsCompletedByDescribeContactOnTheSimulator() {
        String e164 = "+33613999999";
        String contactId = cloud.contactIds().of("acme", "spring", e164);
        contacts.addIfAbsent(new NewContact("acme", "spring", contactId, e164, "FR", "MOBILE", null, null, null,
                Map.of(), "file", NOW));
        contacts.claimForQueue("acme#spring", contactId, NOW, NOW.plusSeconds(60));
        String token = ClientTokens.of(contactId, 1);
        Instant placed = cloud.clock().instant();
        String connectId = new com.outboundcalls.aws.AwsClients(cloud.clientEnvironment()).connect()
                .startOutboundVoiceContact(r -> r.instanceId(cloud.parameter("ConnectInstanceId"))
                        .contactFlowId("flow").destinationPhoneNumber(e164).sourcePhoneNumber("+33948123456")
                        .clientToken(token)).contactId();
        calls.claim(token);
        calls.record(new CallRecord(connectId, token, "acme", "spring", contactId, 1, "FR", "FR", "MOBILE", NOW));
        contacts.markDialing("acme#spring", contactId, 1, connectId, NOW);
        cloud.clock().advanceTo(cloud.clock().instant().plus(Duration.ofHours(1)));

        String bare = "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"Amazon Connect Contact Event\","
                + "\"source\":\"aws.connect\",\"time\":\"2026-10-05T10:05:00Z\",\"detail\":{\"eventType\":"
                + "\"DISCONNECTED\",\"contactId\":\"" + connectId + "\"}}";
        cloud.function("CallRaterFunction").invoke(sqsEvent(bare));

        RatedCall call = ratedCallsOf(contactId).get(0);
        assertEquals(placed, call.initiatedAt(), "initiation from DescribeContact");
        assertEquals(true, call.disconnectedAt().isAfter(placed), "disconnection from DescribeContact");
        assertEquals(true, contacts.get("acme#spring", contactId).orElseThrow().status() != ContactStatus.DIALING);
    }

    @Test
    void anEventForACallNotRecordedYetFailsOnlyItsOwnMessageAndAnotherApplicationsContactIsIgnored() throws IOException {
        String[] ids = dialingContact(1);
        // Started by the dialer (with the contact's attributes), its call record not written yet.
        String notRecordedYet = new com.outboundcalls.aws.AwsClients(cloud.clientEnvironment()).connect()
                .startOutboundVoiceContact(r -> r.instanceId(cloud.parameter("ConnectInstanceId"))
                        .contactFlowId("flow").destinationPhoneNumber("+33613888888").sourcePhoneNumber("+33948123456")
                        .attributes(Map.of("clientId", "acme", "campaignId", "spring", "contactId", "ct-later")))
                .contactId();
        long foreignBefore = foreignEvents();
        Object response = cloud.function("CallRaterFunction").invoke(sqsEvent(
                fixture("contact-event-disconnected.json", notRecordedYet),
                fixture("contact-event-disconnected.json", "another-application-" + UUID.randomUUID()),
                fixture("contact-event-disconnected.json", ids[1])));
        var batch = (com.amazonaws.services.lambda.runtime.events.SQSBatchResponse) response;
        assertEquals(1, batch.getBatchItemFailures().size(), "only the call of ours not recorded yet is retried");
        assertEquals(1, ratedCallsOf(ids[0]).size());
        assertEquals(foreignBefore + 1, foreignEvents(), "the other application's contact is counted, not retried");
    }

    private static long foreignEvents() {
        return cloud.metrics().entrySet().stream().filter(e -> e.getKey().startsWith("ForeignContactEvents"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void theRuleSendsTheRaterOnlyThisInstancesContactsStartedThroughTheApi() throws IOException {
        String[] ids = dialingContact(1);
        int before = cloud.queueDepth("CallEventsQueue");
        String ours = fixture("contact-event-disconnected.json", ids[1]);
        cloud.putEvents(List.of(
                ours.replace("\"initiationMethod\": \"API\"", "\"initiationMethod\": \"INBOUND\""),
                ours.replace(cloud.parameter("ConnectInstanceId"), "99999999-8888-7777-6666-555555555555")));
        assertEquals(before, cloud.queueDepth("CallEventsQueue"), "an inbound call or another instance's is not sent");
        cloud.putEvents(List.of(ours));
        assertEquals(before + 1, cloud.queueDepth("CallEventsQueue"));
        cloud.drain();
        assertEquals(1, ratedCallsOf(ids[0]).size());
    }

    @Test
    void aCallWhoseDisconnectionIsLostIsRepairedByTheLineAuditWithDescribeContact() {
        String e164 = String.format("+3361300%04d", ++sequence);
        String contactId = cloud.contactIds().of("acme", "spring", e164);
        contacts.addIfAbsent(new NewContact("acme", "spring", contactId, e164, "FR", "MOBILE", null, null, null,
                Map.of(), "file", cloud.clock().instant()));
        String token = ClientTokens.of(contactId, 1);
        contacts.claimForQueue("acme#spring", contactId, cloud.clock().instant(), cloud.clock().instant().plusSeconds(60));
        calls.claim(token);
        String connectContactId = new com.outboundcalls.aws.AwsClients(cloud.clientEnvironment()).connect()
                .startOutboundVoiceContact(r -> r.instanceId(cloud.parameter("ConnectInstanceId"))
                        .contactFlowId(cloud.parameter("ContactFlowId")).destinationPhoneNumber(e164)
                        .sourcePhoneNumber("+33948123456").clientToken(token)).contactId();
        cloud.connect().loseEventsOf(connectContactId);
        calls.record(new CallRecord(connectContactId, token, "acme", "spring", contactId, 1, "FR", "FR", "MOBILE",
                cloud.clock().instant()));
        contacts.markDialing("acme#spring", contactId, 1, connectContactId, cloud.clock().instant());
        int held = calls.active();

        // No event ever comes; the audit (every 5 minutes) finds the line overdue after 30 minutes.
        cloud.clock().advanceTo(cloud.clock().instant().plus(Duration.ofMinutes(40)));
        cloud.drain();

        assertEquals(held - 1, calls.active(), "the line is free again");
        assertTrue(rated.byConnectContactId(connectContactId).isPresent(), "the call is rated");
        assertTrue(contacts.get("acme#spring", contactId).orElseThrow().status() != ContactStatus.DIALING,
                "the contact is settled");
    }
}
