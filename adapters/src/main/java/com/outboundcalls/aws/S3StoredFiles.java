package com.outboundcalls.aws;

import com.outboundcalls.files.StoredFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bucket's objects, every version of each, for a callee's erasure. */
public final class S3StoredFiles implements StoredFiles {

    private final S3Client s3;
    private final String bucket;

    public S3StoredFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<StoredFile> under(String prefix) {
        List<StoredFile> files = new ArrayList<>();
        for (var page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(prefix))) {
            for (var version : page.versions()) {
                if (Boolean.TRUE.equals(version.isLatest())) {
                    // As the ingest names a version: its version id, or its ETag (unquoted) when unversioned.
                    String id = version.versionId() == null || version.versionId().isEmpty()
                            || "null".equals(version.versionId()) ? version.eTag().replace("\"", "") : version.versionId();
                    files.add(new StoredFile(version.key(), bucket + "/" + version.key() + "#" + id,
                            version.size() == null ? 0 : version.size()));
                }
            }
        }
        return files;
    }

    @Override
    public InputStream open(String key) {
        return s3.getObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public void replace(String key, Path content, String contentType) {
        String written = s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(content))
                .versionId();
        List<ObjectIdentifier> older = new ArrayList<>();
        for (ObjectIdentifier version : versions(key)) {
            if (written != null && !written.equals(version.versionId())) {
                older.add(version);
            }
        }
        delete(older);
    }

    @Override
    public void deleteEveryVersion(String key) {
        List<ObjectIdentifier> all = versions(key);
        if (all.isEmpty()) {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        }
        delete(all);
    }

    /** Every version and delete marker of exactly this key. */
    private List<ObjectIdentifier> versions(String key) {
        List<ObjectIdentifier> ids = new ArrayList<>();
        for (var page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(key))) {
            page.versions().stream().filter(v -> v.key().equals(key) && v.versionId() != null && !"null".equals(v.versionId()))
                    .forEach(v -> ids.add(ObjectIdentifier.builder().key(key).versionId(v.versionId()).build()));
            page.deleteMarkers().stream().filter(m -> m.key().equals(key))
                    .forEach(m -> ids.add(ObjectIdentifier.builder().key(key).versionId(m.versionId()).build()));
        }
        return ids;
    }

    private void delete(List<ObjectIdentifier> versions) {
        for (int from = 0; from < versions.size(); from += 1000) {
            List<ObjectIdentifier> batch = List.copyOf(versions.subList(from, Math.min(versions.size(), from + 1000)));
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
    }
}
