package com.outboundcalls.account;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A callee's number to be erased from a client's data (GDPR art. 17, the client being the controller): its
 * contacts with their histories, the report rows naming it and every stored copy of the files holding it. Only the
 * opposition entry stays, so that the number is never called again for the client. The number is held here only
 * until the erasure is done; the completed request keeps its last two digits.
 *
 * @param e164       the number while the erasure is pending; null once completed
 * @param maskedNumber the number as the audit trail shows it (its last two digits)
 * @param erased     what the erasure removed, by kind (contacts, reportRows, uploadedFiles...), once completed
 */
public record ErasureRequest(String requestId, String clientId, String e164, String maskedNumber, Status status,
                             Instant requestedAt, String requestedBy, Instant completedAt, Map<String, Long> erased) {

    public enum Status { REQUESTED, COMPLETED }

    public ErasureRequest {
        erased = erased == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(erased));
        if (status == Status.REQUESTED && e164 == null) {
            throw new IllegalArgumentException("a pending erasure names its number");
        }
    }

    /** The same request done: the number dropped, what was removed kept. */
    public ErasureRequest completed(Instant at, Map<String, Long> removed) {
        return new ErasureRequest(requestId, clientId, null, maskedNumber, Status.COMPLETED, requestedAt, requestedBy,
                at, removed);
    }
}
