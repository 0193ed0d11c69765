package com.outboundcalls.account;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a client's instructions say of its callees' data, beyond the contact-file format: which columns of a file
 * read leniently travel with the call (the others are neither stored nor sent), and how long after a campaign ends
 * its callees' data is kept.
 *
 * @param callColumns   header names (compared without regard to case, accents or spaces) whose cells go with the
 *                      call as attributes when files are read leniently; an agreed format names its own
 * @param retentionDays days its callees' data is kept after a campaign ends, or null for the provider's default
 */
public record CalleeDataTerms(Set<String> callColumns, Integer retentionDays) {

    /** Longest retention a client may ask: what the terms allow for callee data (three years). */
    public static final int MAX_RETENTION_DAYS = 3 * 366;

    /** No column beyond the names travels; the provider's default retention. */
    public static final CalleeDataTerms STANDARD = new CalleeDataTerms(Set.of(), null);

    public CalleeDataTerms {
        java.util.SortedSet<String> normalized = new TreeSet<>();
        for (String column : callColumns == null ? Set.<String>of() : callColumns) {
            String name = normalize(column);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a call column needs a name");
            }
            normalized.add(name);
        }
        callColumns = java.util.Collections.unmodifiableSortedSet(normalized);
        if (retentionDays != null && (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS)) {
            throw new IllegalArgumentException("retention is 1 to " + MAX_RETENTION_DAYS + " days");
        }
    }

    /** Whether a column of a lenient file, by its header name, travels with the call. */
    public boolean travels(String headerName) {
        return callColumns.contains(normalize(headerName));
    }

    /** A header name as files' columns are matched: lower case, no accents, anything but letters and digits made underscores. */
    public static String normalize(String headerName) {
        if (headerName == null) {
            return "";
        }
        String plain = java.text.Normalizer.normalize(headerName.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
