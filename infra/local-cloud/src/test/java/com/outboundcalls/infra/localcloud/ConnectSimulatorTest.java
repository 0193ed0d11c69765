package com.outboundcalls.infra.localcloud;

import com.outboundcalls.aws.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ConnectException;
import software.amazon.awssdk.services.connect.model.Contact;
import software.amazon.awssdk.services.connect.model.LimitExceededException;
import software.amazon.awssdk.services.connect.model.StartOutboundVoiceContactRequest;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Connect simulator through the real SDK ConnectClient, on the simulated clock. */
class ConnectSimulatorTest {

    private static final Instant START = Instant.parse("2026-10-05T08:00:00Z");
    private static LocalCloud cloud;
    private static ConnectClient connect;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().template(CloudTemplate.locate(Path.of(""))).clock(LocalClock.simulated(START))
                .seed(7).start();
        connect = new AwsClients(cloud.clientEnvironment()).connect();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private StartOutboundVoiceContactRequest call(String token, String destination) {
        return StartOutboundVoiceContactRequest.builder().instanceId(cloud.parameter("ConnectInstanceId"))
                .contactFlowId(cloud.parameter("ContactFlowId")).destinationPhoneNumber(destination)
                .sourcePhoneNumber("+33948000000").clientToken(token).attributes(Map.of("campaignId", "c1")).build();
    }

    @Test
    void aRepeatedClientTokenReturnsTheFirstContactWithoutPlacingASecondCall() {
        cloud.clock().advanceTo(cloud.clock().instant().plusSeconds(60));
        long before = cloud.connect().stats().callsPlaced();
        String first = connect.startOutboundVoiceContact(call("token-repeat", "+33612345678")).contactId();
        cloud.clock().advanceTo(cloud.clock().instant().plusSeconds(5));
        String second = connect.startOutboundVoiceContact(call("token-repeat", "+33612345678")).contactId();
        assertEquals(first, second);
        assertEquals(before + 1, cloud.connect().stats().callsPlaced());
    }

    @Test
    void requestsAboveTheBurstAreThrottledWith429() {
        cloud.clock().advanceTo(cloud.clock().instant().plusSeconds(3600));
        int accepted = 0;
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            try {
                connect.startOutboundVoiceContact(call("burst-" + i + "-" + cloud.clock().instant(), "+3361234560" + i));
                accepted++;
            } catch (LimitExceededException e) {
                throw e;
            } catch (ConnectException e) {
                assertEquals(429, e.statusCode());
                assertEquals("TooManyRequestsException", e.awsErrorDetails().errorCode());
                throttled++;
            }
        }
        assertEquals(5, accepted, "burst of 5 at one instant");
        assertEquals(3, throttled);
        cloud.clock().advanceTo(cloud.clock().instant().plusSeconds(2));
        // 2 requests/s refill: after two seconds, four more tokens but the burst was spent.
        connect.startOutboundVoiceContact(call("after-refill-" + cloud.clock().instant(), "+33612345699"));
    }

    @Test
    void theEleventhConcurrentCallIsRefusedWithLimitExceeded() {
        LocalClock clock = LocalClock.simulated(START);
        CalleePopulation.Settings everyoneTalksLong = new CalleePopulation.Settings(1.0, 0, 0,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10), 0.01);
        List<String> events = new ArrayList<>();
        try (ConnectSimulator simulator = new ConnectSimulator(clock, LocalCloud.REGION, LocalCloud.ACCOUNT_ID,
                "instance-1", ConnectSimulator.Quotas.connectDefaults(), new CalleePopulation(1, everyoneTalksLong),
                events::addAll)) {
            Map<String, String> env = new java.util.HashMap<>(cloud.clientEnvironment());
            env.put("AWS_ENDPOINT_URL_CONNECT", simulator.endpoint().toString());
            ConnectClient client = new AwsClients(env).connect();
            for (int i = 0; i < 10; i++) {
                clock.advanceTo(clock.instant().plusMillis(500));
                int n = i;
                client.startOutboundVoiceContact(r -> r.instanceId("instance-1").contactFlowId("flow")
                        .destinationPhoneNumber("+3361111110" + n).sourcePhoneNumber("+33948000000")
                        .clientToken("conc-" + n));
            }
            clock.advanceTo(clock.instant().plusSeconds(1));
            LimitExceededException e = assertThrows(LimitExceededException.class,
                    () -> client.startOutboundVoiceContact(r -> r.instanceId("instance-1").contactFlowId("flow")
                            .destinationPhoneNumber("+33611111199").sourcePhoneNumber("+33948000000")
                            .clientToken("conc-11")));
            assertEquals(429, e.statusCode());
            assertEquals(10, simulator.stats().maxConcurrentSeen());
            assertEquals(10, simulator.stats().callsPlaced());
            assertEquals(1, simulator.stats().limitExceeded());
        }
    }

    @Test
    void aCallsContactEventsReachTheCallEventsQueueThroughTheTemplatesRule() {
        cloud.clock().advanceTo(cloud.clock().instant().plus(Duration.ofHours(3)));
        cloud.drain();
        purge();
        String contactId = connect.startOutboundVoiceContact(call("events-1", "+33655555555")).contactId();
        cloud.clock().advanceTo(cloud.clock().instant().plus(Duration.ofMinutes(30)));
        cloud.connect().emitDue();
        List<Message> messages = cloud.sqs().receiveMessage(r -> r.queueUrl(cloud.physicalName("CallEventsQueue"))
                .maxNumberOfMessages(10)).messages();
        List<String> types = messages.stream().filter(m -> m.body().contains(contactId))
                .map(m -> m.body().replaceAll(".*\"eventType\":\"([A-Z_]+)\".*", "$1")).toList();
        // The template's rule lets only DISCONNECTED through to the call-events queue.
        assertEquals(List.of("DISCONNECTED"), types);
        assertTrue(cloud.connect().stats().eventsEmitted() >= 2, "INITIATED was emitted on the bus too");
        Contact described = connect.describeContact(r -> r.instanceId(cloud.parameter("ConnectInstanceId"))
                .contactId(contactId)).contact();
        assertNotNull(described.initiationTimestamp());
        assertNotNull(described.disconnectTimestamp());
    }

    @Test
    void stopContactEndsACallInProgressAtOnce() {
        cloud.clock().advanceTo(cloud.clock().instant().plus(Duration.ofHours(4)));
        cloud.drain();
        String contactId = connect.startOutboundVoiceContact(call("stop-1", "+33677777777")).contactId();
        cloud.clock().advanceTo(cloud.clock().instant().plusMillis(500));
        Instant stoppedAt = cloud.clock().instant();
        connect.stopContact(r -> r.instanceId(cloud.parameter("ConnectInstanceId")).contactId(contactId));

        Contact described = connect.describeContact(r -> r.instanceId(cloud.parameter("ConnectInstanceId"))
                .contactId(contactId)).contact();
        assertEquals(stoppedAt, described.disconnectTimestamp());
        assertEquals(0, cloud.connect().activeCalls());
        assertThrows(ConnectException.class, () -> connect.stopContact(r -> r
                .instanceId(cloud.parameter("ConnectInstanceId")).contactId(contactId)), "already ended");
    }

    @Test
    void answeringMachineDetectionNeedsCampaignTrafficAndIsReportedOnlyWhenItRan() {
        cloud.clock().advanceTo(cloud.clock().instant().plus(Duration.ofHours(6)));
        cloud.drain();
        StartOutboundVoiceContactRequest general = call("amd-general", "+33611111111").toBuilder()
                .answerMachineDetectionConfig(c -> c.enableAnswerMachineDetection(true)).build();
        assertThrows(software.amazon.awssdk.services.connect.model.InvalidParameterException.class,
                () -> connect.startOutboundVoiceContact(general));

        int answeredWithDetection = 0;
        for (int i = 0; i < 20; i++) {
            for (boolean detect : new boolean[] {true, false}) {
                StartOutboundVoiceContactRequest.Builder request = call("amd-" + detect + "-" + i,
                        String.format("+3361100%04d", i)).toBuilder();
                if (detect) {
                    request.trafficType("CAMPAIGN").campaignId(cloud.parameter("ConnectCampaignId"))
                            .answerMachineDetectionConfig(c -> c.enableAnswerMachineDetection(true)
                                    .awaitAnswerMachinePrompt(true));
                }
                String contactId = connect.startOutboundVoiceContact(request.build()).contactId();
                cloud.clock().advanceTo(cloud.clock().instant().plus(Duration.ofMinutes(10)));
                Contact described = connect.describeContact(r -> r.instanceId(cloud.parameter("ConnectInstanceId"))
                        .contactId(contactId)).contact();
                String status = described.answeringMachineDetectionStatusAsString();
                if (described.connectedToSystemTimestamp() == null || !detect) {
                    assertEquals(null, status, "no detection ran, so none is reported");
                } else {
                    answeredWithDetection++;
                    assertTrue(status.equals("HUMAN_ANSWERED") || status.equals("VOICEMAIL_BEEP"), status);
                }
            }
        }
        assertTrue(answeredWithDetection > 0);
        cloud.drain();
    }

    private void purge() {
        String url = cloud.physicalName("CallEventsQueue");
        while (!cloud.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages().isEmpty()) {
            // drain
        }
    }
}
