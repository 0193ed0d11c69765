package com.outboundcalls.files;

import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileInPartsTest {

    private final InMemoryPorts.Objects bucket = new InMemoryPorts.Objects() {
        @Override
        public String uploadPart(String key, String uploadId, int number, byte[] content) {
            largestPart = Math.max(largestPart, content.length);
            return super.uploadPart(key, uploadId, number, content);
        }
    };
    private int largestPart;

    {
        bucket.minPartSize = PART;
    }

    /** A part's least size for these tests; the in-memory bucket refuses smaller ones but the last. */
    private static final int PART = 64;

    private static byte[] lines(int from, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            out.append("line ").append(i).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stepsAppendingTheirLinesMakeTheWholeFileInFullPartsEachHoldingNoMoreThanAPart() {
        FileInParts file = new FileInParts(bucket, PART);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        FileInParts.Written written = FileInParts.Written.NOTHING;
        for (int step = 0; step < 12; step++) {
            byte[] page = lines(step * 5, 5);
            expected.writeBytes(page);
            written = file.append("exports/f.txt", "text/plain", written, page, "parts/" + step);
            if (written.tailKey() != null) {
                assertTrue(bucket.objects.get(written.tailKey()).length < PART, "a tail never fills a part");
            }
        }
        assertNotNull(written.uploadId());
        assertFalse(bucket.exists("exports/f.txt"), "nothing at the key before the last step");
        file.finish("exports/f.txt", "text/plain", written);

        assertArrayEquals(expected.toByteArray(), bucket.objects.get("exports/f.txt"));
        assertEquals(PART, largestPart);
        assertTrue(bucket.uploads.isEmpty());
    }

    @Test
    void aFileSmallerThanAPartIsWrittenWholeWithoutAnUpload() {
        FileInParts file = new FileInParts(bucket, PART);
        FileInParts.Written written = file.append("exports/f.txt", "text/plain", FileInParts.Written.NOTHING,
                lines(0, 2), "parts/0");
        written = file.append("exports/f.txt", "text/plain", written, lines(2, 1), "parts/1");
        assertNull(written.uploadId());
        file.finish("exports/f.txt", "text/plain", written);

        assertEquals("line 0\nline 1\nline 2\n", bucket.text("exports/f.txt"));
        assertTrue(bucket.uploads.isEmpty());
    }

    @Test
    void aStepTakenAgainWithWhatItWasGivenLeavesTheSameFile() {
        FileInParts file = new FileInParts(bucket, PART);
        FileInParts.Written first = file.append("exports/f.txt", "text/plain", FileInParts.Written.NOTHING,
                lines(0, 10), "parts/0");
        FileInParts.Written again = file.append("exports/f.txt", "text/plain", first, lines(10, 10), "parts/1");
        FileInParts.Written twice = file.append("exports/f.txt", "text/plain", first, lines(10, 10), "parts/1");
        assertEquals(again, twice);
        file.finish("exports/f.txt", "text/plain", twice);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(lines(0, 20));
        assertArrayEquals(expected.toByteArray(), bucket.objects.get("exports/f.txt"));
    }

    @Test
    void anAbandonedFileLeavesWhatWasAtItsKeyAndItsPartsGo() {
        bucket.put("exports/f.txt", "before".getBytes(StandardCharsets.UTF_8), "text/plain");
        FileInParts file = new FileInParts(bucket, PART);
        FileInParts.Written written = file.append("exports/f.txt", "text/plain", FileInParts.Written.NOTHING,
                lines(0, 30), "parts/0");
        assertEquals(1, bucket.uploads.size());
        file.abandon("exports/f.txt", written);

        assertEquals("before", bucket.text("exports/f.txt"));
        assertTrue(bucket.uploads.isEmpty());
    }
}
