package com.outboundcalls.ingest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Contact identifiers: a campaign and a number always give the same id (so a number listed twice is one contact),
 * and the id gives the number back to no one without the key. The id is an HMAC-SHA-256 of client, campaign and
 * number under the stack's secret key: rated calls keep it for ten years, while the space of phone numbers is
 * small enough that an unkeyed digest would be reversed by trying every number.
 */
public final class ContactIds {

    /** Shortest key accepted: 32 bytes, the digest's own size. */
    public static final int MIN_KEY_BYTES = 32;

    /** Where the key comes from, asked once, on the first id made. */
    private final Supplier<byte[]> keySource;
    private volatile byte[] key;
    /** A Mac costs more to make than to use: one per thread, reset by every doFinal(). */
    private final ThreadLocal<Mac> macs;

    private ContactIds(Supplier<byte[]> keySource) {
        this.keySource = keySource;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Ids under this key, which must have at least {@link #MIN_KEY_BYTES} bytes. */
    public static ContactIds keyed(byte[] key) {
        byte[] copy = checked(key);
        return new ContactIds(() -> copy);
    }

    /** Ids under a key kept as text (a generated secret string): its UTF-8 bytes. */
    public static ContactIds keyed(String key) {
        return keyed(utf8(key));
    }

    /**
     * Ids under a key kept as text and read only when the first id is made (then kept): a function that starts
     * without making ids, or is snapshotted before it makes one, never holds the key. A key too short fails that
     * first id.
     */
    public static ContactIds keyedOnFirstUse(Supplier<String> key) {
        return new ContactIds(() -> checked(utf8(key.get())));
    }

    private static byte[] utf8(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] checked(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a contact id key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        return key.clone();
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = keySource.get();
                }
                known = key;
            }
        }
        return known;
    }

    public String of(String clientId, String campaignId, String e164) {
        byte[] digest = macs.get().doFinal((clientId + "|" + campaignId + "|" + e164).getBytes(StandardCharsets.UTF_8));
        return "ct-" + HexFormat.of().formatHex(digest, 0, 10);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
