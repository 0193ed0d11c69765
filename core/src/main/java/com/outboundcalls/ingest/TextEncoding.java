package com.outboundcalls.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * Tells UTF-8 (with or without BOM) from Windows-1252, what Excel's "CSV (séparateur : point-virgule)"
 * writes on a French PC, by reading the first megabyte of a file. A UTF-8 file is then decoded leniently:
 * a byte that is not valid UTF-8 further down is read as Windows-1252 rather than lost.
 */
public final class TextEncoding {

    public static final String UTF_8 = "UTF-8";
    public static final String WINDOWS_1252 = "windows-1252";
    static final int SNIFF_BYTES = 1 << 20;

    private static final char[] CP1252_HIGH = new String(range(0x80, 0xA0), Charset.forName(WINDOWS_1252))
            .toCharArray();

    /** What the first bytes of a file say about it. */
    public record Detected(String encoding, boolean bom) {
        public Charset charset() {
            return Charset.forName(encoding);
        }
    }

    private TextEncoding() {
    }

    /**
     * Detects the encoding of the stream, which must support mark/reset; leaves it positioned after any
     * BOM. {@code agreed} (UTF-8 or windows-1252) wins when set.
     */
    public static Detected detect(BufferedInputStream in, String agreed) throws IOException {
        in.mark(SNIFF_BYTES + 4);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (bom) {
            in.skipNBytes(3);
            return new Detected(UTF_8, true);
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new ContactFileReader.UnreadableFileException(
                    "The file is encoded in UTF-16; save it as \"CSV UTF-8\" or \"CSV (séparateur : point-virgule)\".");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ContactFileReader.UnreadableFileException("The file is neither a text file (CSV) nor XLSX.");
            }
        }
        if (agreed != null) {
            return new Detected(agreed.equalsIgnoreCase(UTF_8) ? UTF_8 : WINDOWS_1252, false);
        }
        return new Detected(isUtf8(head) ? UTF_8 : WINDOWS_1252, false);
    }

    /** A reader of the stream in the detected encoding. */
    public static Reader reader(InputStream in, Detected detected) {
        return detected.encoding().equals(UTF_8) ? new LenientUtf8Reader(in)
                : new java.io.InputStreamReader(in, detected.charset());
    }

    /** Whether the bytes are well-formed UTF-8; a sequence cut by the end of the sample counts as well formed. */
    static boolean isUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int more;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                more = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                more = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                more = 3;
            } else {
                return false;
            }
            for (int k = 1; k <= more; k++) {
                if (i + k >= bytes.length) {
                    return true;
                }
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }

    private static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = from; i < to; i++) {
            bytes[i - from] = (byte) i;
        }
        return bytes;
    }

    static char windows1252(int b) {
        return b < 0x80 || b >= 0xA0 ? (char) b : CP1252_HIGH[b - 0x80];
    }

    /** UTF-8 decoding where a malformed sequence's lead byte is read as Windows-1252. */
    static final class LenientUtf8Reader extends Reader {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private boolean eof;
        private char pendingLowSurrogate;

        LenientUtf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] out, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int written = 0;
            if (pendingLowSurrogate != 0) {
                out[offset + written++] = pendingLowSurrogate;
                pendingLowSurrogate = 0;
            }
            while (written < length) {
                if (limit - position < 4 && !eof) {
                    refill();
                }
                if (position >= limit) {
                    break;
                }
                int b = buffer[position] & 0xFF;
                if (b < 0x80) {
                    out[offset + written++] = (char) b;
                    position++;
                    continue;
                }
                int more = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
                int codePoint = more == 1 ? b & 0x1F : more == 2 ? b & 0x0F : b & 0x07;
                boolean valid = more > 0;
                if (valid) {
                    for (int k = 1; k <= more; k++) {
                        if (position + k >= limit || (buffer[position + k] & 0xC0) != 0x80) {
                            valid = false;
                            break;
                        }
                        codePoint = (codePoint << 6) | (buffer[position + k] & 0x3F);
                    }
                }
                if (!valid) {
                    out[offset + written++] = windows1252(b);
                    position++;
                    continue;
                }
                position += more + 1;
                if (codePoint >= 0x10000) {
                    out[offset + written++] = Character.highSurrogate(codePoint);
                    if (written < length) {
                        out[offset + written++] = Character.lowSurrogate(codePoint);
                    } else {
                        pendingLowSurrogate = Character.lowSurrogate(codePoint);
                    }
                } else {
                    out[offset + written++] = (char) codePoint;
                }
            }
            return written == 0 ? -1 : written;
        }

        private void refill() throws IOException {
            int remaining = limit - position;
            System.arraycopy(buffer, position, buffer, 0, remaining);
            position = 0;
            limit = remaining;
            while (limit < buffer.length) {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    eof = true;
                    return;
                }
                limit += n;
                if (limit >= 4) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
