package com.outboundcalls.contact;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactTransitionTest {

    private static final Instant NOW = Instant.parse("2026-10-05T08:00:00Z");

    private static Contact contact(ContactStatus status, int attempts, Instant dueAt, String connectContactId) {
        return new Contact("acme", "spring", "c1", "+33612345678", "FR", "MOBILE", Map.of(), status, attempts, dueAt,
                connectContactId, 0);
    }

    @Test
    void aContactIsQueuedFromTheHopperOrAgainOnceItsLeaseHasLapsed() {
        assertTrue(ContactTransition.CLAIM_FOR_QUEUE.allows(contact(ContactStatus.CALLABLE, 0, NOW, null), NOW, 0, null));
        assertTrue(ContactTransition.CLAIM_FOR_QUEUE.allows(contact(ContactStatus.QUEUED, 0, NOW.minusSeconds(1), null),
                NOW, 0, null), "a lapsed lease: its message is presumed lost");
        assertFalse(ContactTransition.CLAIM_FOR_QUEUE.allows(contact(ContactStatus.QUEUED, 0, NOW.plusSeconds(60), null),
                NOW, 0, null), "a lease still running");
        assertFalse(ContactTransition.CLAIM_FOR_QUEUE.allows(contact(ContactStatus.DIALING, 1, null, "k1"), NOW, 0, null));
        assertFalse(ContactTransition.CLAIM_FOR_QUEUE.allows(null, NOW, 0, null), "no such contact");
    }

    @Test
    void aCallIsRecordedOnlyForTheAttemptAfterTheLastOne() {
        Contact queued = contact(ContactStatus.QUEUED, 1, NOW, null);
        assertTrue(ContactTransition.MARK_DIALING.allows(queued, NOW, 2, null));
        assertFalse(ContactTransition.MARK_DIALING.allows(queued, NOW, 1, null), "a redelivered message");
        assertFalse(ContactTransition.MARK_DIALING.allows(queued, NOW, 3, null));
    }

    @Test
    void onlyTheContactsCurrentCallSettlesIt() {
        Contact dialing = contact(ContactStatus.DIALING, 1, null, "k1");
        assertTrue(ContactTransition.SETTLE.allows(dialing, NOW, 0, "k1"));
        assertFalse(ContactTransition.SETTLE.allows(dialing, NOW, 0, "k0"), "an earlier call's late event");
        assertFalse(ContactTransition.SETTLE.allows(contact(ContactStatus.REACHED, 1, null, "k1"), NOW, 0, "k1"),
                "a duplicated event");
        assertEquals(ContactStatus.REACHED, ContactTransition.SETTLE.target(ContactStatus.REACHED));
        assertThrows(IllegalArgumentException.class, () -> ContactTransition.SETTLE.target(ContactStatus.QUEUED));
        assertThrows(IllegalArgumentException.class, () -> ContactTransition.SETTLE.target(null));
        assertEquals(ContactStatus.CALLABLE, ContactTransition.SETTLE_UNCOUNTED.target(null));
    }

    @Test
    void eachChangeAddsToItsCampaignsCountersWhatItChanges() {
        assertEquals(Map.of("inProgress", 1L, "attempts", 1L), ContactTransition.MARK_DIALING.counters(ContactStatus.DIALING));
        assertEquals(Map.of("inProgress", -1L, "settledREACHED", 1L), ContactTransition.SETTLE.counters(ContactStatus.REACHED));
        assertEquals(Map.of("inProgress", -1L), ContactTransition.SETTLE.counters(ContactStatus.CALLABLE),
                "a contact tried again later is not settled yet");
        assertEquals(Map.of("settledOPPOSED", 1L), ContactTransition.MARK_OPPOSED.counters(ContactStatus.OPPOSED));
        assertEquals(Map.of(), ContactTransition.CLAIM_FOR_QUEUE.counters(ContactStatus.QUEUED));
    }
}
