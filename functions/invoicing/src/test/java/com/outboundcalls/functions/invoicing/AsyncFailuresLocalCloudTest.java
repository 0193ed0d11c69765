package com.outboundcalls.functions.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scheduled function that fails on its event, its attempt and Lambda's two retries, does not lose it: the event
 * lands in the on-failure destination the template gives every function (AsyncFailuresQueue), with the function and
 * the reason, ready to be replayed.
 */
class AsyncFailuresLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aScheduledRunThatFailsThreeTimesLandsInTheFailuresQueueWithItsEvent() throws Exception {
        // A stack whose legal interest rates cannot be read: every dunning run fails.
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2026-12-01T05:00:00Z")))
                .parameter("LegalInterestRates", "not a rate").start()) {
            Instant morning = cloud.nextFire("DunningFunction.EveryMorning");
            cloud.skipTo(morning);

            List<Message> failed = cloud.sqs().receiveMessage(r -> r.queueUrl(cloud.physicalName("AsyncFailuresQueue"))
                    .maxNumberOfMessages(10)).messages();
            assertEquals(1, failed.size());
            JsonNode record = JSON.readTree(failed.get(0).body());
            assertEquals("RetriesExhausted", record.path("requestContext").path("condition").asText());
            assertEquals(3, record.path("requestContext").path("approximateInvokeCount").asInt());
            assertTrue(record.path("requestContext").path("functionArn").asText().contains(":function:DunningFunction"));
            assertEquals(morning.toString(), record.path("requestPayload").path("scheduledTime").asText(),
                    "the event itself, to replay");
            assertTrue(record.path("responsePayload").path("errorMessage").asText().length() > 0);
        }
    }
}
