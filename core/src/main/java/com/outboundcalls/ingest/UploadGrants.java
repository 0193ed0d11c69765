package com.outboundcalls.ingest;

import com.outboundcalls.account.RequestRefused;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Grants a contact file's upload into a client's campaign: the key is the server's, under that client and
 * campaign only; the size is fixed and within the limit per file; the grant is recorded before any link exists,
 * so that the ingest can tell an object written through it from any other.
 */
public final class UploadGrants {

    /** How long an upload link may be used. */
    public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,99}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final UploadRegistry registry;
    private final long maxFileBytes;
    private final Clock clock;

    public UploadGrants(UploadRegistry registry, long maxFileBytes, Clock clock) {
        this.registry = registry;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock;
    }

    /**
     * The upload of a file of this name and size into the campaign (whose existence in the caller's reach the
     * caller checked), recorded.
     */
    public Upload grant(String clientId, String campaignId, String fileName, Long size, String requestedBy) {
        List<RequestRefused.FieldError> errors = new ArrayList<>();
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            errors.add(new RequestRefused.FieldError("fileName", "1 to 100 letters, digits, dots, dashes, underscores "
                    + "or spaces, starting with a letter or digit"));
        }
        if (size == null || size <= 0) {
            errors.add(new RequestRefused.FieldError("size", "the file's size in bytes, above zero"));
        } else if (size > maxFileBytes) {
            errors.add(new RequestRefused.FieldError("size", "above the limit of " + (maxFileBytes >> 20)
                    + " MB per file"));
        }
        if (!errors.isEmpty()) {
            throw new RequestRefused.Invalid(errors);
        }
        Instant now = clock.instant();
        String id = STAMP.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String safeName = fileName.replace(' ', '_');
        String key = "incoming/" + clientId + "/" + campaignId + "/" + id + "-" + safeName;
        Upload upload = new Upload(key, clientId, campaignId, fileName, size, requestedBy, now,
                now.plus(LINK_LIFETIME));
        registry.record(upload);
        return upload;
    }
}
