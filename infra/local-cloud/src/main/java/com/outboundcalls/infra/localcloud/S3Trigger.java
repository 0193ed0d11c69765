package com.outboundcalls.infra.localcloud;

/** An S3 notification of the template: a bucket's new objects under a prefix (and suffix) go to a function. */
record S3Trigger(String bucket, String prefix, String suffix, LocalFunction function, String id) {
}
