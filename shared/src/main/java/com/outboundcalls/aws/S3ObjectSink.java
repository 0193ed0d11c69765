package com.outboundcalls.aws;

import com.outboundcalls.report.ObjectSink;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Reports and exports written to the bucket. */
public final class S3ObjectSink implements ObjectSink {

    private final S3Client s3;
    private final String bucket;

    public S3ObjectSink(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }
}
