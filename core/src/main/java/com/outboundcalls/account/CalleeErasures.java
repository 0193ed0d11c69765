package com.outboundcalls.account;

import com.outboundcalls.account.AccountRecords.Change;
import com.outboundcalls.account.AccountRecords.ErasureWrite;
import com.outboundcalls.account.AccountRecords.OppositionAdd;
import com.outboundcalls.account.AccountRecords.Write;
import com.outboundcalls.contact.OppositionList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A callee's erasure as the client (or an operator for it) asks for it and as it ends: the request and the number's
 * opposition entry are written together with the audit entry, so the number is never called again from the moment
 * it is asked; the erasure itself is done by the erasure function, which records its completion here.
 */
final class CalleeErasures {

    private final AccountLedger ledger;

    CalleeErasures(AccountLedger ledger) {
        this.ledger = ledger;
    }

    ErasureRequest request(Actor actor, String clientId, String number) {
        AccountRules.requireScope(actor, clientId);
        ledger.profileOf(clientId);
        String e164 = ledger.callable("number", number, clientId);
        String id = "er-" + UUID.randomUUID();
        String masked = AuditFields.masked(e164);
        ErasureRequest request = new ErasureRequest(id, clientId, e164, masked, ErasureRequest.Status.REQUESTED,
                ledger.clock().instant(), actor.principal(), null, null);
        AuditEntry audit = ledger.entry(actor, clientId, "callee.erasure.requested", "erasure/" + id, Map.of(),
                Map.of("number", masked));
        List<Write> writes = new ArrayList<>(List.of(new ErasureWrite(request, false)));
        writes.add(new OppositionAdd(new OppositionList.Opposition(clientId, e164, "erasure " + id,
                ledger.clock().instant())));
        try {
            ledger.records().commit(new Change(writes, List.of(audit)));
        } catch (RequestRefused.Conflict alreadyOpposed) {
            // The number is on the client's list already: that entry stays as it is.
            ledger.records().commit(new Change(List.of(new ErasureWrite(request, false)), List.of(audit)));
        }
        return request;
    }

    /** Records a request done, with what it removed; a request already completed is returned as it is. */
    ErasureRequest complete(Actor actor, ErasureRequest request, Map<String, Long> removed) {
        ErasureRequest current = ledger.records().erasure(request.clientId(), request.requestId())
                .orElseThrow(() -> new RequestRefused.NotFound("erasure " + request.requestId()));
        if (current.status() == ErasureRequest.Status.COMPLETED) {
            return current;
        }
        ErasureRequest done = current.completed(ledger.clock().instant(), removed);
        Map<String, String> counts = new TreeMap<>();
        removed.forEach((kind, n) -> counts.put(kind, Long.toString(n)));
        counts.put("number", current.maskedNumber());
        ledger.records().commit(new Change(List.of(new ErasureWrite(done, true)), List.of(ledger.entry(actor,
                current.clientId(), "callee.erasure.completed", "erasure/" + current.requestId(), Map.of(), counts))));
        return done;
    }

    /**
     * The client's requests still pending that were made more than {@code age} ago: their hand-over may have been
     * lost.
     */
    List<ErasureRequest> stalled(String clientId, java.time.Duration age) {
        java.time.Instant before = ledger.clock().instant().minus(age);
        List<ErasureRequest> stalled = new ArrayList<>();
        for (ErasureRequest request : ledger.records().erasures(clientId)) {
            if (request.status() == ErasureRequest.Status.REQUESTED && request.requestedAt().isBefore(before)) {
                stalled.add(request);
            }
        }
        return stalled;
    }

    ErasureRequest find(Actor actor, String clientId, String requestId) {
        AccountRules.requireScope(actor, clientId);
        return ledger.records().erasure(clientId, requestId)
                .orElseThrow(() -> new RequestRefused.NotFound("erasure " + requestId));
    }

    List<ErasureRequest> list(Actor actor, String clientId) {
        AccountRules.requireScope(actor, clientId);
        ledger.profileOf(clientId);
        return ledger.records().erasures(clientId);
    }
}
