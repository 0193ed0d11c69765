package com.outboundcalls.ingest;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/**
 * Reading a workbook's XML parts as streams (StAX, the JDK's own), with what every part needs: no DTD and no
 * external entity (a forged part cannot make the parser fetch or expand anything), and texts bounded by what a
 * cell may hold in Excel.
 */
final class XlsxXml {

    /** Excel's own limit on a cell's text. */
    static final int MAX_CELL_CHARS = 32_767;

    private static final XMLInputFactory FACTORY = factory();

    private XlsxXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    static XMLStreamReader reader(InputStream part) {
        try {
            return FACTORY.createXMLStreamReader(part);
        } catch (XMLStreamException e) {
            throw damaged("one of its parts", e);
        }
    }

    /**
     * The text of the element the reader is on ({@code element}, its start read), as Excel shows it: the
     * {@code <t>} elements within, in order, without the phonetic runs ({@code <rPh>}). Leaves the reader on the
     * element's end.
     */
    static String text(XMLStreamReader xml, String element, int maxChars) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        boolean inText = false;
        int phonetic = 0;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (name.equals("rPh")) {
                    phonetic++;
                } else if (name.equals("t") && phonetic == 0) {
                    inText = true;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                String name = xml.getLocalName();
                if (name.equals("rPh")) {
                    phonetic--;
                } else if (name.equals("t")) {
                    inText = false;
                }
            } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                if (text.length() + xml.getTextLength() > maxChars) {
                    throw new ContactFileReader.UnreadableFileException("The workbook is refused: a cell holds more "
                            + "than " + maxChars + " characters, more than Excel allows.");
                }
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside <" + element + ">");
            }
        }
        return text.toString();
    }

    /** The characters of a simple element ({@code <v>}), bounded like a cell's text. */
    static String value(XMLStreamReader xml, int maxChars) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            }
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("a value holds markup");
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (text.length() + xml.getTextLength() > maxChars) {
                    throw new ContactFileReader.UnreadableFileException("The workbook is refused: a cell holds more "
                            + "than " + maxChars + " characters, more than Excel allows.");
                }
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
    }

    /** Skips the element the reader is on, its start read, to its end. */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside an element");
            }
        }
    }

    static ContactFileReader.UnreadableFileException damaged(String what, Exception cause) {
        ContactFileReader.UnreadableFileException e = new ContactFileReader.UnreadableFileException(
                "The workbook is damaged: " + what + " cannot be read as XML.");
        e.initCause(cause);
        return e;
    }
}
