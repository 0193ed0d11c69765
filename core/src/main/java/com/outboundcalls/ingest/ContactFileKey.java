package com.outboundcalls.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object key under {@code incoming/{clientId}/{campaignId}/}: the only source of a file's client and
 * campaign. Nothing inside the file can name another client.
 */
public record ContactFileKey(String key, String clientId, String campaignId, String fileName) {

    private static final Pattern LAYOUT = Pattern.compile(
            "^incoming/([A-Za-z0-9][A-Za-z0-9_-]{0,63})/([A-Za-z0-9][A-Za-z0-9_-]{0,63})/([^/]+)$");

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");

    /** Whether a key segment has the shape of a client or campaign id. */
    public static boolean isSafeId(String segment) {
        return ID.matcher(segment).matches();
    }

    public static Optional<ContactFileKey> parse(String key) {
        Matcher m = LAYOUT.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ContactFileKey(key, m.group(1), m.group(2), m.group(3)));
    }

    /** Where this file's reports go: {@code reports/{clientId}/{campaignId}/{fileName}}. */
    public String reportPrefix() {
        return "reports/" + clientId + "/" + campaignId + "/" + fileName;
    }
}
