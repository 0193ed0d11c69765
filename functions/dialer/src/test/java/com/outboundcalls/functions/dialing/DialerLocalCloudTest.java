package com.outboundcalls.functions.dialing;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCallControl;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.Contact;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.ClientTokens;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dialer in the local cloud: real SDK clients, DynamoDB Local, the Connect simulator. */
class DialerLocalCloudTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-10-05T08:30:00Z");
    private static LocalCloud cloud;
    private static DynamoContactBook contacts;
    private static DynamoCallControl calls;
    private static int sequence;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(MONDAY_MORNING)).start();
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        accounts.putClient(new Client("acme", "ACME", "FR",
                new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null));
        accounts.putCampaign(new Campaign("acme", "spring", Campaign.Status.ACTIVE, "+33948123456", "script-1", 1));
        contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
        calls = new DynamoCallControl(cloud.dynamoDb(), cloud.physicalName("CallsTable"), 10, 2, cloud.clock());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    /** The rater, which frees lines on DISCONNECTED, is not in this module: free them between tests. */
    @BeforeEach
    void freeEveryLine() {
        // 25 minutes later every simulated call of the previous test has ended (talk is capped at 20 minutes),
        // and the tests stay within Monday morning's calling window (10:30 to 12:10 in Paris).
        cloud.clock().advanceTo(cloud.clock().instant().plus(Duration.ofMinutes(25)));
        assertEquals(0, cloud.connect().activeCalls());
        cloud.dynamoDb().scanPaginator(r -> r.tableName(cloud.physicalName("CallsTable"))).items().stream()
                .map(item -> item.get("pk").s()).filter(pk -> pk.startsWith("LINE#"))
                .forEach(pk -> calls.release(pk.substring("LINE#".length())));
        assertEquals(0, calls.active());
    }

    /** A contact queued for its first attempt, as the feeder leaves it. */
    private static String queuedContact() {
        String e164 = String.format("+3361200%04d", ++sequence);
        String id = cloud.contactIds().of("acme", "spring", e164);
        contacts.addIfAbsent(new NewContact("acme", "spring", id, e164, "FR", "MOBILE", "Léa", "Martin", null,
                Map.of("reference", "R-" + sequence), "test-file", cloud.clock().instant()));
        assertTrue(contacts.claimForQueue("acme#spring", id, cloud.clock().instant(),
                cloud.clock().instant().plusSeconds(900)));
        return id;
    }

    private static String dialEvent(String contactId) throws IOException {
        return EventFixtures.json("sqs-dial-message.json", "clientId", "acme", "campaignId", "spring",
                "contactId", contactId);
    }

    @Test
    void aRedeliveredDialMessagePlacesNoSecondCall() throws IOException {
        String contactId = queuedContact();
        long before = cloud.connect().stats().callsPlaced();
        cloud.function("DialerFunction").invoke(dialEvent(contactId));
        cloud.clock().advanceTo(cloud.clock().instant().plusSeconds(2));
        cloud.function("DialerFunction").invoke(dialEvent(contactId));

        assertEquals(before + 1, cloud.connect().stats().callsPlaced());
        Contact contact = contacts.get("acme#spring", contactId).orElseThrow();
        assertEquals(ContactStatus.DIALING, contact.status());
        assertEquals(1, contact.attempts());
        assertTrue(calls.find(contact.connectContactId()).isPresent());
        java.util.List<String> history = new com.outboundcalls.aws.DynamoContactRecords(cloud.dynamoDb(),
                cloud.physicalName("ContactsTable")).history("acme#spring", contactId);
        assertEquals(3, history.size(), history.toString());
        assertTrue(history.get(0).contains(" STORED from test-file"), history.toString());
        assertTrue(history.get(1).contains(" QUEUED for the dial queue"), history.toString());
        assertTrue(history.get(2).contains(" PLACED attempt 1, Connect contact " + contact.connectContactId()),
                "one PLACED entry, the redelivery added nothing: " + history);
    }

    @Test
    void aCrashBetweenTheConnectCallAndItsRecordIsRepairedWithoutASecondCall() throws IOException {
        String contactId = queuedContact();
        // The first delivery reached Connect, then the container died before writing anything.
        String token = ClientTokens.of(contactId, 1);
        String first = new AwsClients(cloud.clientEnvironment()).connect().startOutboundVoiceContact(r -> r
                .instanceId(cloud.parameter("ConnectInstanceId")).contactFlowId(cloud.parameter("ContactFlowId"))
                .destinationPhoneNumber(contacts.get("acme#spring", contactId).orElseThrow().e164())
                .sourcePhoneNumber("+33948123456").clientToken(token)).contactId();
        cloud.clock().advanceTo(cloud.clock().instant().plusSeconds(2));
        long placed = cloud.connect().stats().callsPlaced();

        cloud.function("DialerFunction").invoke(dialEvent(contactId));

        assertEquals(placed, cloud.connect().stats().callsPlaced(), "Connect placed no second call");
        Contact contact = contacts.get("acme#spring", contactId).orElseThrow();
        assertEquals(first, contact.connectContactId());
        assertEquals(ContactStatus.DIALING, contact.status());
    }

    @Test
    void aDialMessageForAContactAlreadySettledIsSkipped() throws IOException {
        String contactId = queuedContact();
        cloud.function("DialerFunction").invoke(dialEvent(contactId));
        Contact dialing = contacts.get("acme#spring", contactId).orElseThrow();
        contacts.settle("acme#spring", contactId, dialing.connectContactId(), ContactStatus.REACHED, null, "ANSWERED",
                cloud.clock().instant());
        long placed = cloud.connect().stats().callsPlaced();
        cloud.clock().advanceTo(cloud.clock().instant().plusSeconds(2));

        cloud.function("DialerFunction").invoke(dialEvent(contactId));

        assertEquals(placed, cloud.connect().stats().callsPlaced());
        assertEquals(ContactStatus.REACHED, contacts.get("acme#spring", contactId).orElseThrow().status());
    }

    @Test
    void theDialerNeverExceedsTheRateNorTheLinesAndGivesBackWhatItCannotDial() throws IOException {
        long throttledBefore = cloud.connect().stats().throttled();
        for (int i = 0; i < 14; i++) {
            cloud.function("DialerFunction").invoke(dialEvent(queuedContact()));
        }
        assertEquals(throttledBefore, cloud.connect().stats().throttled(), "the dialer paced itself under 2/s");
        assertTrue(cloud.connect().stats().maxConcurrentSeen() <= 10);
        assertEquals(10, calls.active(), "every line is in use, not more");
        long backInHopper = contacts.countByStatus("acme#spring").getOrDefault(ContactStatus.CALLABLE, 0L);
        assertEquals(4, backInHopper, "the four contacts without a line went back to the hopper");
        long deferredForLines = cloud.dynamoDb().scanPaginator(r -> r.tableName(cloud.physicalName("ContactsTable")))
                .items().stream().filter(i -> i.containsKey("history")).filter(i -> i.get("history").l().stream()
                        .anyMatch(e -> e.m().get("detail").s().startsWith("no free line"))).count();
        assertEquals(4, deferredForLines, "each deferral is in its contact's history, with why");
    }

    @Test
    void connectsRefusalsForTheSetupAreToldApartFromRefusalsOfTheDestination() {
        var connect = new com.outboundcalls.aws.AwsClients(cloud.clientEnvironment()).connect();
        String instance = cloud.parameter("ConnectInstanceId");
        var call = new com.outboundcalls.dial.OutboundCalls.OutboundCall("setup-1", "+33612009999", "+33948123456",
                Map.of(), false);
        assertThrows(com.outboundcalls.dial.OutboundCalls.CallMisconfiguredException.class,
                () -> new com.outboundcalls.aws.ConnectOutboundCalls(connect, instance, "", null).start(call),
                "no contact flow: every call of the campaign would fail");
        assertThrows(com.outboundcalls.dial.OutboundCalls.CallMisconfiguredException.class,
                () -> new com.outboundcalls.aws.ConnectOutboundCalls(connect, "00000000-0000-0000-0000-000000000000",
                        "flow", null).start(call), "another instance");
        assertThrows(com.outboundcalls.dial.OutboundCalls.CallRefusedException.class,
                () -> new com.outboundcalls.aws.ConnectOutboundCalls(connect, instance, "flow", null).start(
                        new com.outboundcalls.dial.OutboundCalls.OutboundCall("setup-2", "0612", "+33948123456",
                                Map.of(), false)), "a number Connect cannot call ends that contact only");
    }

    @Test
    void aQueuesSeatsTellWhenEachWasTakenAndARedeliveredClaimOrReleaseCountsOnce() {
        String queue = "q-seats-" + (++sequence);
        Instant first = cloud.clock().instant();
        assertEquals(com.outboundcalls.dial.AgentSeats.Claim.ACQUIRED, calls.claimSeat(queue, "tok-a", 2));
        cloud.clock().advanceTo(first.plusSeconds(7));
        assertEquals(com.outboundcalls.dial.AgentSeats.Claim.ACQUIRED, calls.claimSeat(queue, "tok-b", 2));
        assertEquals(com.outboundcalls.dial.AgentSeats.Claim.ALREADY_HELD, calls.claimSeat(queue, "tok-b", 2));
        assertEquals(com.outboundcalls.dial.AgentSeats.Claim.FULL, calls.claimSeat(queue, "tok-c", 2));
        assertEquals(java.util.Set.of(first, first.plusSeconds(7)), java.util.Set.copyOf(calls.heldSince(queue)));

        assertTrue(calls.releaseSeat("tok-a"));
        assertTrue(!calls.releaseSeat("tok-a"), "a second release of the same seat frees nothing");
        assertEquals(java.util.List.of(first.plusSeconds(7)), calls.heldSince(queue));
        assertTrue(calls.releaseSeat("tok-b"));
        assertEquals(java.util.List.of(), calls.heldSince(queue));
    }
}
