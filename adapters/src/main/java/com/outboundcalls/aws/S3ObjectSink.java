package com.outboundcalls.aws;

import com.outboundcalls.files.ObjectSink;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reports and exports written to the bucket. A put whose connection broke (a pooled keep-alive connection
 * the server had closed) is sent again: the body is in memory or in a file, and writing the same object twice is harmless.
 */
public final class S3ObjectSink implements ObjectSink {

    private static final int ATTEMPTS = 3;

    private final S3Client s3;
    private final String bucket;

    public S3ObjectSink(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        send(key, contentType, () -> RequestBody.fromBytes(content));
    }

    @Override
    public void put(String key, Path content, String contentType) {
        send(key, contentType, () -> RequestBody.fromFile(content));
    }

    @Override
    public InputStream open(String key) {
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new UncheckedIOException(new java.io.FileNotFoundException(key));
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    /** Every version of every object under the prefix, and the delete markers, in batches of 1,000. */
    @Override
    public int deleteAllUnder(String prefix) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> batch = new java.util.ArrayList<>();
        var pages = s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(prefix));
        for (var page : pages) {
            for (var version : page.versions()) {
                keys.add(version.key());
                batch.add(software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(version.key())
                        .versionId(version.versionId()).build());
            }
            for (var marker : page.deleteMarkers()) {
                batch.add(software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(marker.key())
                        .versionId(marker.versionId()).build());
            }
            while (batch.size() >= 1000) {
                deleteVersions(batch.subList(0, 1000));
                batch = new java.util.ArrayList<>(batch.subList(1000, batch.size()));
            }
        }
        if (!batch.isEmpty()) {
            deleteVersions(batch);
        }
        return keys.size();
    }

    private void deleteVersions(List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> versions) {
        List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> copy = List.copyOf(versions);
        s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(copy).quiet(true)));
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String startUpload(String key, String contentType) {
        return s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)).uploadId();
    }

    @Override
    public String uploadPart(String key, String uploadId, int number, byte[] content) {
        try {
            return s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(content)).eTag();
        } catch (NoSuchUploadException e) {
            throw new GoneException("upload " + uploadId + " of " + key + " is gone", e);
        }
    }

    @Override
    public void completeUpload(String key, String uploadId, List<String> tags) {
        List<CompletedPart> parts = new java.util.ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            parts.add(CompletedPart.builder().partNumber(i + 1).eTag(tags.get(i)).build());
        }
        try {
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (NoSuchUploadException e) {
            throw new GoneException("upload " + uploadId + " of " + key + " is gone", e);
        }
    }

    @Override
    public void abortUpload(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            // abandoned already
        }
    }

    private void send(String key, String contentType, Supplier<RequestBody> body) {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), body.get());
                return;
            } catch (UncheckedIOException | SdkClientException e) {
                if (attempt >= ATTEMPTS || !brokenConnection(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean brokenConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
