package com.outboundcalls.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A file written by a chain of steps, each appending what it read, none holding the whole file: full parts go to
 * an upload in parts, and what does not fill one waits in a tail object that the next step reads back. A step
 * holds at most a part's size and what it appends, whatever the file's size. A small file is never uploaded in
 * parts: its last step writes it whole.
 *
 * <p>A step taken again with the same {@link Written} and bytes writes the same tail and parts: the tail's key is
 * the caller's, one per step, and a part replaces the part of its number. Once the next step is handed on, the
 * step deletes the tail it read ({@link #release}), and the last deletes its own: a step delivered again after
 * that finds its tail gone ({@link ObjectSink.GoneException}), as it finds the upload gone once completed.
 */
public final class FileInParts {

    /** Where a file stands between two steps: its upload (null before the first full part), its parts' tags, its tail. */
    public record Written(String uploadId, List<String> tags, String tailKey) {

        public static final Written NOTHING = new Written(null, List.of(), null);

        public Written {
            tags = List.copyOf(tags);
        }
    }

    private final ObjectSink sink;
    private final int partSize;

    public FileInParts(ObjectSink sink) {
        this(sink, ObjectSink.MIN_PART_SIZE);
    }

    /** @param partSize the size of each part but the last: at least the store's least size in production */
    public FileInParts(ObjectSink sink, int partSize) {
        if (partSize < 1) {
            throw new IllegalArgumentException("a part holds at least a byte");
        }
        this.sink = sink;
        this.partSize = partSize;
    }

    /**
     * Appends bytes to the file: the full parts they complete are uploaded, the rest is written at {@code tailKey}.
     *
     * @return where the file stands after them
     */
    public Written append(String key, String contentType, Written before, byte[] bytes, String tailKey) {
        byte[] data = concat(tail(before), bytes);
        String uploadId = before.uploadId();
        List<String> tags = new ArrayList<>(before.tags());
        int offset = 0;
        while (data.length - offset >= partSize) {
            if (uploadId == null) {
                uploadId = sink.startUpload(key, contentType);
            }
            tags.add(sink.uploadPart(key, uploadId, tags.size() + 1, Arrays.copyOfRange(data, offset,
                    offset + partSize)));
            offset += partSize;
        }
        if (offset == data.length) {
            return new Written(uploadId, tags, null);
        }
        sink.put(tailKey, Arrays.copyOfRange(data, offset, data.length), "application/octet-stream");
        return new Written(uploadId, tags, tailKey);
    }

    /**
     * One step of a rewrite: appends its lines after what it read, then either hands the next step on with where
     * the file stands and deletes the tail it read, or, at the last page, finishes the file.
     *
     * @return whether the file was finished
     * @throws ObjectSink.GoneException if the step was taken before (its tail or the upload is gone)
     */
    public boolean step(String key, String contentType, Written read, byte[] lines, String tailKey, boolean last,
                        java.util.function.Consumer<Written> handOn) {
        Written written = append(key, contentType, read, lines, tailKey);
        if (!last) {
            handOn.accept(written);
            release(read);
            return false;
        }
        finish(key, contentType, written);
        release(read);
        return true;
    }

    /** Writes what is left and makes the file appear whole at its key; then deletes the last tail. */
    public void finish(String key, String contentType, Written written) {
        byte[] tail = tail(written);
        if (written.uploadId() == null) {
            sink.put(key, tail, contentType);
        } else {
            List<String> tags = new ArrayList<>(written.tags());
            if (tail.length > 0) {
                tags.add(sink.uploadPart(key, written.uploadId(), tags.size() + 1, tail));
            }
            sink.completeUpload(key, written.uploadId(), tags);
        }
        release(written);
    }

    /** Deletes the tail a step read, once the step after it is handed on: nothing reads it any more. */
    public void release(Written read) {
        if (read.tailKey() != null) {
            sink.delete(read.tailKey());
        }
    }

    /** Gives up a file before it is finished: its parts and tail are deleted, what was at its key stays. */
    public void abandon(String key, Written written) {
        if (written.uploadId() != null) {
            sink.abortUpload(key, written.uploadId());
        }
        release(written);
    }

    private byte[] tail(Written written) {
        if (written.tailKey() == null) {
            return new byte[0];
        }
        try (InputStream in = sink.open(written.tailKey())) {
            return in.readAllBytes();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.io.FileNotFoundException) {
                throw new ObjectSink.GoneException("the tail " + written.tailKey() + " is gone", e);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
