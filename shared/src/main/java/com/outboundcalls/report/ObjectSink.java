package com.outboundcalls.report;

/** Where reports and exports are written (a bucket, in production). */
public interface ObjectSink {
    void put(String key, byte[] content, String contentType);
}
