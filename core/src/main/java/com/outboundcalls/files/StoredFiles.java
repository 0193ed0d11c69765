package com.outboundcalls.files;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The objects of the bucket as stored data, every version of each: what a callee's erasure looks through and
 * rewrites or deletes, so that no copy of the number is left behind in an older version.
 */
public interface StoredFiles {

    /**
     * A current object: its key and the id the ingest gives that version of it ({@code bucket/key#version}, the
     * version being its version id, or its ETag in an unversioned bucket).
     */
    record StoredFile(String key, String fileId, long size) {
    }

    /** The current objects under a prefix. */
    List<StoredFile> under(String prefix);

    InputStream open(String key);

    /** Writes the content as the object's only version: every earlier version of the key is deleted. */
    void replace(String key, Path content, String contentType);

    /** Deletes every version of the object. */
    void deleteEveryVersion(String key);
}
