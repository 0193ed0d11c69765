package com.outboundcalls.ingest;

import java.time.Instant;

/**
 * A contact file's upload as the client space granted it: the key the server chose under the client's own
 * campaign, the size the link fixed, who asked and until when the link could be used. The ingest takes only
 * objects written through such a link.
 */
public record Upload(String key, String clientId, String campaignId, String fileName, long size, String requestedBy,
                     Instant requestedAt, Instant expiresAt) {
}
