package com.outboundcalls.files;

import java.io.InputStream;
import java.nio.file.Path;

/** Where reports and exports are written (a bucket, in production), and read back when assembled from parts. */
public interface ObjectSink {
    void put(String key, byte[] content, String contentType);

    /** Writes a file's content, however large, without holding it in memory. */
    void put(String key, Path content, String contentType);

    /**
     * Reads back an object this sink wrote.
     *
     * @throws java.io.UncheckedIOException caused by a {@link java.io.FileNotFoundException} if there is none
     */
    InputStream open(String key);

    void delete(String key);

    /** Whether an object is at this key. */
    boolean exists(String key);

    /** Deletes every object under the prefix, every version of each included; how many objects were under it. */
    int deleteAllUnder(String prefix);

    /** The least size of an upload's part, but its last: S3's. */
    int MIN_PART_SIZE = 5 * 1024 * 1024;

    /** Starts an upload in parts to the key: the object appears, whole, when it is completed. Its id. */
    String startUpload(String key, String contentType);

    /**
     * Uploads the part {@code number} (from 1) of an upload, replacing a part of that number; its entity tag. Every
     * part but the last holds at least {@link #MIN_PART_SIZE} bytes.
     *
     * @throws GoneException if the upload was completed or abandoned
     */
    String uploadPart(String key, String uploadId, int number, byte[] content);

    /**
     * Completes an upload with its parts' tags in order.
     *
     * @throws GoneException if the upload was completed or abandoned
     */
    void completeUpload(String key, String uploadId, java.util.List<String> tags);

    /** Abandons an upload and its parts; nothing if it is gone already. */
    void abortUpload(String key, String uploadId);

    /**
     * What a step of a file written in steps would continue is gone: the upload was completed or abandoned, or the
     * step's tail was deleted by the step after it. The step was taken before: it has nothing left to do.
     */
    final class GoneException extends RuntimeException {
        public GoneException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
