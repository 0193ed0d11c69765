package com.outboundcalls.functions.feeding;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.ConnectSetup;
import com.outboundcalls.dial.DialFeeding;
import com.outboundcalls.dial.DialMessage;
import com.outboundcalls.lambda.EventFixtures;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The feeder handler's event mapping, on the core's in-memory stores: no local cloud. */
class DialFeederHandlerTest {

    private static final Instant MONDAY_1030_PARIS = Instant.parse("2026-10-05T08:30:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-10-10T10:00:00Z");

    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(
            new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE,
                    null),
            new Campaign("acme", "spring", Campaign.Status.ACTIVE, "+33948123456", null, 1));
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final List<DialMessage> queued = new ArrayList<>();

    private DialFeederHandler handlerAt(Instant now) {
        return new DialFeederHandler(new DialFeeding(accounts, contacts, new InMemoryPorts.CallControl(), queued::addAll,
                2, 10, ConnectSetup.withoutDetection("+33948000000")), Clock.fixed(now, ZoneOffset.UTC),
                new com.outboundcalls.lambda.Metrics("dial-feeder", Clock.fixed(now, ZoneOffset.UTC)));
    }

    private static Map<String, Object> minute(String scheduledTime) throws Exception {
        return new ObjectMapper().readValue(EventFixtures.json("scheduled-minute.json", "scheduledTime", scheduledTime),
                new TypeReference<>() { });
    }

    private void store(int n) {
        for (int i = 0; i < n; i++) {
            contacts.addIfAbsent(new NewContact("acme", "spring", "c" + i, "+3361200000" + i, "FR", "MOBILE", null,
                    null, null, Map.of(), "f", MONDAY_1030_PARIS.minusSeconds(60)));
        }
    }

    @Test
    void theRunFeedsForTheMinuteTheScheduleNamesNotForTheMomentItRuns() throws Exception {
        store(3);
        // Run late, on a Saturday (no calling window), for Monday 10:30's occurrence: Monday's window applies.
        String result = handlerAt(SATURDAY).handleRequest(minute(MONDAY_1030_PARIS.toString()), null);

        assertEquals("queued 3", result);
        assertEquals(3, queued.size());
    }

    @Test
    void aScheduleWithoutItsTimeFeedsForNow() throws Exception {
        store(3);
        String result = handlerAt(SATURDAY).handleRequest(minute("<aws.scheduler.scheduled-time>"), null);

        assertEquals("queued 0", result, "Saturday: every callee's window is closed");
    }
}
