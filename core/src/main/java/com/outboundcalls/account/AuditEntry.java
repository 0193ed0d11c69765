package com.outboundcalls.account;

import java.time.Instant;
import java.util.Map;

/**
 * One change to a client's account, kept with the account: who made it, when, what it did to which thing, and
 * each field's value before and after (null when the field was absent).
 *
 * @param action  what was done, e.g. {@code campaign.paused}
 * @param target  what it was done to, e.g. {@code campaign/winter}
 */
public record AuditEntry(String clientId, Instant at, String actor, String action, String target,
                         Map<String, FieldChange> changes) {

    public record FieldChange(String before, String after) {
    }

    public AuditEntry {
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }
}
