package com.outboundcalls.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic contact identifiers: a campaign and a number always give the same id, which names no one. */
public final class ContactIds {
    private ContactIds() {
    }

    public static String of(String clientId, String campaignId, String e164) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((clientId + "|" + campaignId + "|" + e164).getBytes(StandardCharsets.UTF_8));
            return "ct-" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
