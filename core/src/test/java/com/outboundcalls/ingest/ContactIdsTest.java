package com.outboundcalls.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContactIdsTest {

    private static final String KEY = "k".repeat(ContactIds.MIN_KEY_BYTES);

    @Test
    void aCampaignsNumberAlwaysGetsTheSameIdUnderOneKey() {
        assertEquals(ContactIds.keyed(KEY).of("acme", "spring", "+33612345678"),
                ContactIds.keyed(KEY).of("acme", "spring", "+33612345678"));
        assertNotEquals(ContactIds.keyed(KEY).of("acme", "spring", "+33612345678"),
                ContactIds.keyed(KEY).of("acme", "autumn", "+33612345678"));
    }

    @Test
    void anotherKeyGivesAnotherId() {
        assertNotEquals(ContactIds.keyed(KEY).of("acme", "spring", "+33612345678"),
                ContactIds.keyed("z".repeat(ContactIds.MIN_KEY_BYTES)).of("acme", "spring", "+33612345678"));
    }

    @Test
    void hashingEveryCandidateNumberWithoutTheKeyDoesNotFindTheId() throws Exception {
        String id = ContactIds.keyed(KEY).of("acme", "spring", "+33612345678");
        // What an unkeyed digest allowed: hash each candidate number and compare.
        for (int last = 0; last < 100; last++) {
            String candidate = String.format("+336123456%02d", last);
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("acme|spring|" + candidate).getBytes(StandardCharsets.UTF_8));
            assertNotEquals(id, "ct-" + HexFormat.of().formatHex(digest, 0, 10));
        }
        assertFalse(id.contains("612345678"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ContactIds.keyed("short"));
        assertThrows(IllegalArgumentException.class, () -> ContactIds.keyed((String) null));
    }

    @Test
    void aKeyReadOnFirstUseIsReadOnceWhenTheFirstIdIsMadeAndGivesTheSameIds() {
        int[] reads = {0};
        ContactIds ids = ContactIds.keyedOnFirstUse(() -> {
            reads[0]++;
            return KEY;
        });
        assertEquals(0, reads[0], "nothing read before an id is made");

        assertEquals(ContactIds.keyed(KEY).of("acme", "spring", "+33612345678"), ids.of("acme", "spring", "+33612345678"));
        ids.of("acme", "spring", "+33612345679");
        assertEquals(1, reads[0]);
    }

    @Test
    void aShortKeyReadOnFirstUseFailsThatFirstId() {
        ContactIds ids = ContactIds.keyedOnFirstUse(() -> "short");
        assertThrows(IllegalArgumentException.class, () -> ids.of("acme", "spring", "+33612345678"));
    }
}
