package com.outboundcalls.ingest;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A workbook's shared strings (the text cells point to by index), kept in temporary files rather than in memory:
 * a sheet of a million rows of distinct names holds millions of them. One file holds the texts in UTF-8 one after
 * the other, the other where each ends (8 bytes per text); a lookup reads both at their positions. The last
 * lookups are cached, for the texts a column repeats (a country, a civility).
 */
final class XlsxSharedStrings implements AutoCloseable {

    private static final int CACHE = 4096;

    private final Path texts;
    private final Path ends;
    private final FileChannel textChannel;
    private final FileChannel endChannel;
    private final long count;
    private final long[] cachedIndex = new long[CACHE];
    private final String[] cachedText = new String[CACHE];
    private final ByteBuffer endBuffer = ByteBuffer.allocate(16);

    private XlsxSharedStrings(Path texts, Path ends, long count) throws IOException {
        this.texts = texts;
        this.ends = ends;
        this.count = count;
        this.textChannel = FileChannel.open(texts, StandardOpenOption.READ);
        this.endChannel = FileChannel.open(ends, StandardOpenOption.READ);
        java.util.Arrays.fill(cachedIndex, -1);
    }

    /** No shared strings: the workbook has no such part. */
    static XlsxSharedStrings none() throws IOException {
        return read(null, XlsxXml.MAX_CELL_CHARS);
    }

    /** Reads the sharedStrings part ({@code null} when the workbook has none) into temporary files. */
    static XlsxSharedStrings read(InputStream part, int maxChars) throws IOException {
        Path texts = Files.createTempFile("xlsx-strings-", ".bin");
        Path ends = Files.createTempFile("xlsx-string-ends-", ".bin");
        long count = 0;
        try (OutputStream textOut = new BufferedOutputStream(Files.newOutputStream(texts), 1 << 16);
             DataOutputStream endOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(ends),
                     1 << 16))) {
            if (part != null) {
                XMLStreamReader xml = XlsxXml.reader(part);
                long written = 0;
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                        byte[] text = XlsxXml.text(xml, "si", maxChars).getBytes(StandardCharsets.UTF_8);
                        textOut.write(text);
                        written += text.length;
                        endOut.writeLong(written);
                        count++;
                    }
                }
                xml.close();
            }
        } catch (XMLStreamException e) {
            delete(texts, ends);
            throw XlsxXml.damaged("its shared texts", e);
        } catch (IOException | RuntimeException e) {
            delete(texts, ends);
            throw e;
        }
        try {
            return new XlsxSharedStrings(texts, ends, count);
        } catch (IOException e) {
            delete(texts, ends);
            throw e;
        }
    }

    /** The text at {@code index}, or null when the workbook holds no text at that index. */
    String get(long index) {
        if (index < 0 || index >= count) {
            return null;
        }
        int slot = (int) (index % CACHE);
        if (cachedIndex[slot] == index) {
            return cachedText[slot];
        }
        try {
            long start;
            long end;
            endBuffer.clear();
            if (index == 0) {
                endBuffer.limit(8);
                readFully(endChannel, endBuffer, 0);
                start = 0;
                end = endBuffer.getLong(0);
            } else {
                readFully(endChannel, endBuffer, (index - 1) * 8);
                start = endBuffer.getLong(0);
                end = endBuffer.getLong(8);
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) (end - start));
            readFully(textChannel, bytes, start);
            String text = new String(bytes.array(), StandardCharsets.UTF_8);
            cachedIndex[slot] = index;
            cachedText[slot] = text;
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count() {
        return count;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("shared strings file ended early");
            }
            at += n;
        }
    }

    @Override
    public void close() {
        try {
            textChannel.close();
            endChannel.close();
        } catch (IOException ignored) {
            // the files are deleted below either way
        }
        delete(texts, ends);
    }

    private static void delete(Path... files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
