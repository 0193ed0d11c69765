package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;

/**
 * The object an S3 notification names: bucket, decoded key, and the version that identifies this upload
 * (the version id on a versioned bucket, otherwise the ETag).
 */
public record S3ObjectRef(String bucket, String key, String versionId, String version, long size) {

    public static S3ObjectRef of(S3EventNotificationRecord record) {
        var object = record.getS3().getObject();
        return of(record.getS3().getBucket().getName(), object.getUrlDecodedKey(), object.getVersionId(),
                object.geteTag(), object.getSizeAsLong());
    }

    /** From a notification's fields: the key decoded, an empty version id as none, an unknown size as 0. */
    public static S3ObjectRef of(String bucket, String decodedKey, String versionId, String eTag, Long size) {
        String version = versionId == null || versionId.isEmpty() ? null : versionId;
        return new S3ObjectRef(bucket, decodedKey, version, version != null ? version : eTag,
                size == null ? 0 : size);
    }
}
