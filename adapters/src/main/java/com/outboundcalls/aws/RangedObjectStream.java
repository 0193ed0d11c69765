package com.outboundcalls.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * An S3 object read range by range (8 MB a request, each read whole at once), so a slow consumer such as a
 * long contact-file ingestion never holds one HTTP response open for minutes, which S3 and its stand-ins
 * cut short. Each range names the same version (version id, or ETag through If-Match), so the ranges are
 * of one file.
 */
public final class RangedObjectStream extends InputStream {

    static final int RANGE_BYTES = 8 << 20;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String versionId;
    private final String etag;
    private final long size;
    private byte[] range = new byte[0];
    private int position;
    private long nextOffset;

    public RangedObjectStream(S3Client s3, String bucket, String key, String versionId, String etag, long size) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.versionId = versionId;
        this.etag = etag;
        this.size = size;
    }

    /**
     * Asks for exactly one version of the object: by its version id, else (an unversioned bucket) by its ETag,
     * so that a file replaced meanwhile fails the request rather than being read in its new version.
     */
    public static GetObjectRequest.Builder pinVersion(GetObjectRequest.Builder request, String versionId, String etag) {
        if (versionId != null) {
            request.versionId(versionId);
        } else if (etag != null) {
            request.ifMatch(etag);
        }
        return request;
    }

    @Override
    public int read() throws IOException {
        if (!ensure()) {
            return -1;
        }
        return range[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ensure()) {
            return -1;
        }
        int n = Math.min(len, range.length - position);
        System.arraycopy(range, position, b, off, n);
        position += n;
        return n;
    }

    private boolean ensure() throws IOException {
        if (position < range.length) {
            return true;
        }
        if (nextOffset >= size) {
            return false;
        }
        long last = Math.min(size, nextOffset + RANGE_BYTES) - 1;
        String header = "bytes=" + nextOffset + "-" + last;
        try (InputStream in = s3.getObject(r -> pinVersion(r.bucket(bucket).key(key).range(header), versionId, etag))) {
            range = in.readAllBytes();
        }
        if (range.length != last - nextOffset + 1) {
            throw new IOException("range " + header + " of the object came back with " + range.length + " bytes");
        }
        position = 0;
        nextOffset = last + 1;
        return true;
    }
}
