package com.outboundcalls.files;

import java.io.InputStream;
import java.nio.file.Path;

/** Where reports and exports are written (a bucket, in production), and read back when assembled from parts. */
public interface ObjectSink {
    void put(String key, byte[] content, String contentType);

    /** Writes a file's content, however large, without holding it in memory. */
    void put(String key, Path content, String contentType);

    /** Reads back an object this sink wrote. */
    InputStream open(String key);

    void delete(String key);

    /** Whether an object is at this key. */
    boolean exists(String key);

    /** Deletes every object under the prefix, every version of each included; how many objects were under it. */
    int deleteAllUnder(String prefix);
}
