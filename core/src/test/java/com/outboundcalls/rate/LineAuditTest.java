package com.outboundcalls.rate;

import com.outboundcalls.account.Client;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineAuditTest {

    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");
    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(new Client("acme", "ACME", "FR", new Client.Tariff(2, Duration.ofHours(2)), Client.AccountStatus.ACTIVE, null));
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final InMemoryPorts.CallControl control = new InMemoryPorts.CallControl();
    private final InMemoryPorts.RatedCalls rated = new InMemoryPorts.RatedCalls();
    private final InMemoryPorts.Prices prices = new InMemoryPorts.Prices()
            .with("default", "FR", "FR", "MOBILE", "0.12", Instant.parse("2026-01-01T00:00:00Z"), "default-1");
    private final Map<String, ContactEvent> connectKnows = new HashMap<>();
    private final CallRating rating = new CallRating(accounts, control, prices, rated, contacts, control,
            id -> Optional.ofNullable(connectKnows.get(id)));

    private LineAudit auditAt(Instant now) {
        return new LineAudit(control, id -> Optional.ofNullable(connectKnows.get(id)), rating,
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(30));
    }

    private String placed(String connectId, boolean recorded) {
        String contactId = "ct-" + connectId;
        contacts.addIfAbsent(new NewContact("acme", "spring", contactId, "+33612345678", "FR", "MOBILE", null, null,
                null, Map.of(), "f", T0));
        contacts.claimForQueue("acme#spring", contactId, T0, T0);
        contacts.markDialing("acme#spring", contactId, 1, connectId, T0);
        control.claimedAt = T0;
        control.claim("tok-" + connectId);
        if (recorded) {
            control.records.put(connectId, new CallRecord(connectId, "tok-" + connectId, "acme", "spring", contactId,
                    1, "FR", "FR", "MOBILE", T0));
        }
        return contactId;
    }

    @Test
    void aLineWhoseDisconnectionWasNeverDeliveredIsRatedSettledAndFreed() {
        String contact = placed("lost", true);
        connectKnows.put("lost", new ContactEvent("DISCONNECTED", "lost", T0, T0.plusSeconds(10), T0.plusSeconds(70),
                "CUSTOMER_DISCONNECT", null, null));

        LineAudit.Report report = auditAt(T0.plus(Duration.ofMinutes(45))).run();

        assertEquals(new LineAudit.Report(1, 1, 1, 0, 0), report);
        assertEquals(0, control.active());
        assertEquals(60, rated.calls.get("lost").billedSeconds());
        assertEquals(ContactStatus.REACHED, contacts.get("acme#spring", contact).orElseThrow().status());
        assertEquals(new LineAudit.Report(0, 0, 0, 0, 0), auditAt(T0.plus(Duration.ofMinutes(50))).run(),
                "a second audit finds nothing more to do");
    }

    @Test
    void aLongCallStillInProgressKeepsItsLine() {
        placed("long", true);
        connectKnows.put("long", new ContactEvent("DISCONNECTED", "long", T0, T0.plusSeconds(10), null, null, null,
                null));
        assertEquals(new LineAudit.Report(1, 1, 0, 1, 0), auditAt(T0.plus(Duration.ofMinutes(45))).run());
        assertEquals(1, control.active());
    }

    @Test
    void aRecentLineIsLeftAloneAndOneThatNeverCarriedACallIsFreedOnceLongOverdue() {
        placed("fresh", true);
        placed("ghost", false);
        assertEquals(new LineAudit.Report(2, 0, 0, 0, 0), auditAt(T0.plus(Duration.ofMinutes(10))).run());
        assertEquals(new LineAudit.Report(2, 2, 0, 1, 0), auditAt(T0.plus(Duration.ofMinutes(45))).run());
        LineAudit.Report late = auditAt(T0.plus(Duration.ofMinutes(61))).run();
        assertEquals(1, late.freedWithoutCall());
        assertEquals(1, control.active());
        assertTrue(control.lines.contains("tok-fresh"));
    }
}
