package com.outboundcalls.ingest;

/**
 * Limits an XLSX workbook must respect before any of it is parsed: a workbook is a ZIP archive, and a small
 * one can unpack into gigabytes (a zip bomb). The sizes the archive declares are checked first; while reading,
 * a part that inflates past its declared size is refused ({@link XlsxParts#open}).
 *
 * @param maxUnpackedBytes  the most the archive's entries may add up to once unpacked
 * @param maxExpansionRatio the most an entry may grow when unpacked (unpacked / packed)
 */
public record XlsxGuard(long maxUnpackedBytes, long maxExpansionRatio) {

    /** 2 GB unpacked (a full 1,048,576-row sheet fits), 200x expansion at most. */
    public static final XlsxGuard DEFAULT = new XlsxGuard(2L << 30, 200);
}
