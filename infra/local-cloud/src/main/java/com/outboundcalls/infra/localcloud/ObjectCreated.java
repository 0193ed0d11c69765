package com.outboundcalls.infra.localcloud;

import java.time.Instant;

/** An object written to the local S3, as an S3 event notification would describe it. */
public record ObjectCreated(String bucket, String key, long size, String eTag, String versionId, String eventName,
                            Instant at) {
}
