package com.outboundcalls.functions.invoicing;

import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.Optional;

/** Short-lived links finance follows to download an export, signed for GET on one object of the export bucket. */
final class ExportLinks {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final S3Presigner presigner;
    private final S3Client s3;
    private final String bucket;

    ExportLinks(S3Presigner presigner, S3Client s3, String bucket) {
        this.presigner = presigner;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A link to the object if it exists. */
    Optional<String> link(String key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(presigner.presignGetObject(r -> r.signatureDuration(LIFETIME)
                .getObjectRequest(GetObjectRequest.builder().bucket(bucket).key(key).build())).url().toString());
    }
}
