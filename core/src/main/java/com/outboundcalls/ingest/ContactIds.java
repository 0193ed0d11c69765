package com.outboundcalls.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic contact identifiers: a campaign and a number always give the same id, which names no one. */
public final class ContactIds {
    private ContactIds() {
    }

    /** Looking a digest up costs more than using it: one per thread, reset by every digest(). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String of(String clientId, String campaignId, String e164) {
        byte[] digest = SHA_256.get().digest((clientId + "|" + campaignId + "|" + e164).getBytes(StandardCharsets.UTF_8));
        return "ct-" + HexFormat.of().formatHex(digest, 0, 10);
    }
}
