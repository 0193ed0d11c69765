package com.outboundcalls.contact;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The contact's state machine, as data: for each change a contact may go through, the statuses it may leave, the
 * guard it must also pass, the status it reaches, the event its history records, and what it adds to its
 * campaign's counters. Every store applies this one definition: the DynamoDB store turns it into condition
 * expressions checked in the same write, the in-memory store into checks on the contact it holds. A change
 * whose condition no longer holds (a repeated message, a duplicated event) changes nothing.
 */
public enum ContactTransition {

    /** The feeder moves a due contact into the dial queue, under a lease. */
    CLAIM_FOR_QUEUE(EnumSet.of(ContactStatus.CALLABLE), Guard.OR_QUEUED_WITH_LAPSED_LEASE,
            EnumSet.of(ContactStatus.QUEUED), "QUEUED", false),
    /** A due contact outside its calling window waits for the next opening. */
    DEFER(EnumSet.of(ContactStatus.CALLABLE), Guard.OR_QUEUED_WITH_LAPSED_LEASE,
            EnumSet.of(ContactStatus.CALLABLE), "DEFERRED", false),
    /** The dialer placed the call of the attempt after the contact's last one. */
    MARK_DIALING(EnumSet.of(ContactStatus.QUEUED), Guard.NEXT_ATTEMPT,
            EnumSet.of(ContactStatus.DIALING), "PLACED", true),
    /** The dialer could not call now (no line, window closing, campaign paused): back to the hopper. */
    RETURN_TO_HOPPER(EnumSet.of(ContactStatus.QUEUED), Guard.NONE,
            EnumSet.of(ContactStatus.CALLABLE), "DEFERRED", false),
    /** The number is on the opposition list: the contact leaves the campaign uncalled. */
    MARK_OPPOSED(EnumSet.of(ContactStatus.QUEUED), Guard.NONE,
            EnumSet.of(ContactStatus.OPPOSED), "OPPOSED", true),
    /** The call could never be placed (a number Connect refuses). */
    MARK_UNDIALABLE(EnumSet.of(ContactStatus.QUEUED), Guard.NONE,
            EnumSet.of(ContactStatus.NOT_REACHED), "FAILED", true),
    /** The contact's current call ended: reached, unsuccessful, not reached, or callable again later. */
    SETTLE(EnumSet.of(ContactStatus.DIALING), Guard.SAME_CALL, EnumSet.of(ContactStatus.REACHED,
            ContactStatus.UNSUCCESSFUL, ContactStatus.NOT_REACHED, ContactStatus.CALLABLE), "SETTLED", true),
    /** Connect could not place the current call: callable again, the attempt not counted against the tariff. */
    SETTLE_UNCOUNTED(EnumSet.of(ContactStatus.DIALING), Guard.SAME_CALL,
            EnumSet.of(ContactStatus.CALLABLE), "SETTLED", true);

    /** What a change checks besides the status it leaves. */
    public enum Guard {
        NONE,
        /** Also allowed from QUEUED once the lease has lapsed (due time passed): its message is presumed lost. */
        OR_QUEUED_WITH_LAPSED_LEASE,
        /** The attempt recorded is the one after the contact's last attempt. */
        NEXT_ATTEMPT,
        /** The call being settled is the contact's current Connect contact. */
        SAME_CALL
    }

    /** The counters of a campaign that contacts' status changes add to. */
    public static final String CONTACTS = "contacts";
    public static final String IN_PROGRESS = "inProgress";
    public static final String ATTEMPTS = "attempts";

    private final Set<ContactStatus> from;
    private final Guard guard;
    private final Set<ContactStatus> to;
    private final String event;
    private final boolean counted;

    ContactTransition(Set<ContactStatus> from, Guard guard, Set<ContactStatus> to, String event, boolean counted) {
        this.from = from;
        this.guard = guard;
        this.to = to;
        this.event = event;
        this.counted = counted;
    }

    /** The statuses the change leaves unconditionally (the guard may add a case, and always adds a check). */
    public Set<ContactStatus> from() {
        return from;
    }

    public Guard guard() {
        return guard;
    }

    /** The event this change records in the contact's history. */
    public String event() {
        return event;
    }

    /** The status reached: the only one the change allows, or the one asked for among those it allows. */
    public ContactStatus target(ContactStatus requested) {
        if (requested == null) {
            if (to.size() != 1) {
                throw new IllegalArgumentException(this + " reaches one of " + to + ": say which");
            }
            return to.iterator().next();
        }
        if (!to.contains(requested)) {
            throw new IllegalArgumentException(this + " cannot reach " + requested);
        }
        return requested;
    }

    /**
     * Whether the change may apply to this contact now.
     *
     * @param attempt          for {@link Guard#NEXT_ATTEMPT}: the attempt being recorded
     * @param connectContactId for {@link Guard#SAME_CALL}: the call being settled
     */
    public boolean allows(Contact contact, Instant now, int attempt, String connectContactId) {
        if (contact == null) {
            return false;
        }
        return switch (guard) {
            case NONE -> from.contains(contact.status());
            case OR_QUEUED_WITH_LAPSED_LEASE -> from.contains(contact.status())
                    || (contact.status() == ContactStatus.QUEUED && !contact.dueAt().isAfter(now));
            case NEXT_ATTEMPT -> from.contains(contact.status()) && contact.attempts() == attempt - 1;
            case SAME_CALL -> from.contains(contact.status()) && connectContactId != null
                    && connectContactId.equals(contact.connectContactId());
        };
    }

    /** What the change adds to its campaign's counters, reaching this status. */
    public Map<String, Long> counters(ContactStatus reached) {
        if (!counted) {
            return Map.of();
        }
        Map<String, Long> change = new LinkedHashMap<>();
        switch (this) {
            case MARK_DIALING -> {
                change.put(IN_PROGRESS, 1L);
                change.put(ATTEMPTS, 1L);
            }
            case MARK_OPPOSED, MARK_UNDIALABLE -> change.put(settled(reached), 1L);
            default -> {
                change.put(IN_PROGRESS, -1L);
                if (reached.isFinal()) {
                    change.put(settled(reached), 1L);
                }
            }
        }
        return change;
    }

    /** The counter of contacts settled with this final status. */
    public static String settled(ContactStatus status) {
        return "settled" + status.name();
    }
}
