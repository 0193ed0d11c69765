package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;

/**
 * The object an S3 notification names: bucket, decoded key, and the version that identifies this upload
 * (the version id on a versioned bucket, otherwise the ETag).
 */
public record S3ObjectRef(String bucket, String key, String versionId, String version, long size) {

    public static S3ObjectRef of(S3EventNotificationRecord record) {
        var object = record.getS3().getObject();
        String versionId = object.getVersionId() == null || object.getVersionId().isEmpty() ? null
                : object.getVersionId();
        return new S3ObjectRef(record.getS3().getBucket().getName(), object.getUrlDecodedKey(), versionId,
                versionId != null ? versionId : object.geteTag(),
                object.getSizeAsLong() == null ? 0 : object.getSizeAsLong());
    }
}
