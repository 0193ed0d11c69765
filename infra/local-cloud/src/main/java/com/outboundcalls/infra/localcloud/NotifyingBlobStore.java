package com.outboundcalls.infra.localcloud;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.InputStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The local S3's store, which reports every object it creates (put, copy, completed multipart upload), as
 * S3 reports ObjectCreated events to a bucket's notification configuration.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private final Consumer<ObjectCreated> listener;
    private final Clock clock;

    NotifyingBlobStore(BlobStore delegate, Consumer<ObjectCreated> listener, Clock clock) {
        super(delegate);
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        notify(request.bucket(), request.key(), response.eTag(), response.versionId(), "ObjectCreated:Put");
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        notify(request.destinationBucket(), request.destinationKey(),
                response.copyObjectResult() == null ? null : response.copyObjectResult().eTag(), response.versionId(),
                "ObjectCreated:Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        notify(request.bucket(), request.key(), response.eTag(), response.versionId(),
                "ObjectCreated:CompleteMultipartUpload");
        return response;
    }

    private void notify(String bucket, String key, String eTag, String versionId, String eventName) {
        long size = 0;
        try {
            HeadObjectResponse head = blobMetadata(software.amazon.awssdk.services.s3.model.HeadObjectRequest.builder()
                    .bucket(bucket).key(key).build());
            size = head.contentLength() == null ? 0 : head.contentLength();
        } catch (RuntimeException e) {
            // size is informative only
        }
        String cleanTag = eTag == null ? null : eTag.replace("\"", "");
        listener.accept(new ObjectCreated(bucket, key, size, cleanTag, versionId, eventName, clock.instant()));
    }
}
