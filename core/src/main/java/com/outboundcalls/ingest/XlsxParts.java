package com.outboundcalls.ingest;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where a workbook keeps what the contact file needs: its first sheet, its shared strings and its styles (found
 * through the workbook's relationships), and whether its dates count from 1904 rather than 1900.
 *
 * @param sheet   the first sheet's entry
 * @param strings the shared strings' entry, or null when the workbook has none
 * @param styles  the styles' entry, or null
 */
record XlsxParts(ZipEntry sheet, ZipEntry strings, ZipEntry styles, boolean date1904) {

    static final String WORKBOOK = "xl/workbook.xml";
    private static final String RELATIONSHIPS = "xl/_rels/workbook.xml.rels";

    static XlsxParts of(ZipFile zip) throws IOException {
        String sheetId = null;
        boolean date1904 = false;
        try (InputStream in = open(zip, zip.getEntry(WORKBOOK))) {
            XMLStreamReader xml = XlsxXml.reader(in);
            while (xml.hasNext() && sheetId == null) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("workbookPr")) {
                    String value = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
                } else if (xml.getLocalName().equals("sheet")) {
                    sheetId = relationshipId(xml);
                    if (sheetId == null) {
                        throw new ContactFileReader.UnreadableFileException(
                                "The workbook is damaged: its first sheet names no part.");
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw XlsxXml.damaged("its workbook part", e);
        }
        if (sheetId == null) {
            throw new ContactFileReader.UnreadableFileException("The workbook has no sheet.");
        }
        Map<String, String> targets = new HashMap<>();
        String strings = null;
        String styles = null;
        ZipEntry relationships = zip.getEntry(RELATIONSHIPS);
        if (relationships != null) {
            try (InputStream in = open(zip, relationships)) {
                XMLStreamReader xml = XlsxXml.reader(in);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT
                            && xml.getLocalName().equals("Relationship")) {
                        String id = xml.getAttributeValue(null, "Id");
                        String type = String.valueOf(xml.getAttributeValue(null, "Type"));
                        String target = xml.getAttributeValue(null, "Target");
                        if (id == null || target == null || "External".equals(xml.getAttributeValue(null, "TargetMode"))) {
                            continue;
                        }
                        String path = resolve(target);
                        targets.put(id, path);
                        if (type.endsWith("/sharedStrings")) {
                            strings = path;
                        } else if (type.endsWith("/styles")) {
                            styles = path;
                        }
                    }
                }
                xml.close();
            } catch (XMLStreamException e) {
                throw XlsxXml.damaged("its relationships", e);
            }
        }
        String sheetPath = targets.getOrDefault(sheetId, relationships == null ? "xl/worksheets/sheet1.xml" : null);
        ZipEntry sheet = sheetPath == null ? null : zip.getEntry(sheetPath);
        if (sheet == null) {
            throw new ContactFileReader.UnreadableFileException(
                    "The workbook is damaged: its first sheet is missing from the file.");
        }
        if (relationships == null) {
            strings = "xl/sharedStrings.xml";
            styles = "xl/styles.xml";
        }
        return new XlsxParts(sheet, strings == null ? null : zip.getEntry(strings),
                styles == null ? null : zip.getEntry(styles), date1904);
    }

    /**
     * A part's content, held to the size the archive declares for it: the guard checked the declared sizes, and a
     * forged archive whose part inflates past its declared size is refused the moment it does.
     */
    static InputStream open(ZipFile zip, ZipEntry entry) throws IOException {
        long declared = entry.getSize();
        return new java.io.FilterInputStream(zip.getInputStream(entry)) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) {
                read += n;
                if (declared < 0 || read > declared) {
                    throw new ContactFileReader.UnreadableFileException("The workbook is refused: one of its parts "
                            + "unpacks to more than the archive declares (a zip bomb).");
                }
            }
        };
    }

    /** The {@code r:id} of a {@code <sheet>}: an attribute {@code id} in the relationships' namespace. */
    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if (xml.getAttributeLocalName(i).equals("id") && namespace != null && !namespace.isEmpty()) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** A relationship's target as an entry name: relative to {@code xl/}, or absolute from the archive's root. */
    static String resolve(String target) {
        String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
