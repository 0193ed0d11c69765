package com.outboundcalls.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Short-lived presigned links to one bucket's objects: to read what the system wrote, or to upload a file. */
public final class S3Links {

    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private final S3Presigner presigner;
    private final S3Client s3;
    private final String bucket;

    public S3Links(S3Presigner presigner, S3Client s3, String bucket) {
        this.presigner = presigner;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A link to read the object, if it exists. */
    public Optional<String> download(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(downloadUnchecked(key));
    }

    /** A link to read an object known to exist. */
    public String downloadUnchecked(String key) {
        return presigner.presignGetObject(r -> r.signatureDuration(LIFETIME)
                .getObjectRequest(GetObjectRequest.builder().bucket(bucket).key(key).build())).url().toString();
    }

    /** A link to upload (PUT) the object at this key. */
    public String upload(String key) {
        return presigner.presignPutObject(r -> r.signatureDuration(LIFETIME)
                .putObjectRequest(p -> p.bucket(bucket).key(key))).url().toString();
    }

    /** A link to upload (PUT) exactly this many bytes at this key, usable for this long (the size is signed). */
    public String upload(String key, long size, java.time.Duration lifetime) {
        return presigner.presignPutObject(r -> r.signatureDuration(lifetime)
                .putObjectRequest(p -> p.bucket(bucket).key(key).contentLength(size))).url().toString();
    }

    /** Whether any object's key starts with this prefix. */
    public boolean anyUnder(String prefix) {
        return s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix)).keyCount() > 0;
    }

    /** The objects under a prefix, in key order. */
    public List<S3Object> under(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream().toList();
    }
}
