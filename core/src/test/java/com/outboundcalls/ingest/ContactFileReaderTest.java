package com.outboundcalls.ingest;

import com.outboundcalls.account.ContactFileFormat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactFileReaderTest {

    private record Read(ContactFileReader.Layout layout, List<ContactFileReader.Row> rows) {
    }

    private static Read read(byte[] bytes) {
        return read(bytes, null);
    }

    private static Read read(byte[] bytes, ContactFileFormat agreed) {
        List<ContactFileReader.Row> rows = new ArrayList<>();
        try (ContactFileReader.Rows open = new ContactFileReader().open(new ByteArrayInputStream(bytes), agreed)) {
            for (ContactFileReader.Row row = open.next(); row != null; row = open.next()) {
                rows.add(row);
            }
            return new Read(open.layout(), rows);
        }
    }

    private static Read read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void semicolonFilesWithFrenchHeadersAndABomAreRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Nom;Prénom;Téléphone;Société\r\nMartin;Léa;0612345678;\"ACME; SA\"\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Read r = read(all);
        assertEquals(';', r.layout().delimiter());
        assertEquals(2, r.layout().phone());
        assertEquals(1, r.layout().firstName());
        assertEquals(0, r.layout().lastName());
        assertEquals(3, r.layout().company());
        assertEquals("ACME; SA", r.rows().get(0).cells().get(3));
    }

    @Test
    void rowNumbersAreTheSpreadsheetsEvenAcrossQuotedNewlines() {
        Read r = read("phone,note\n0612345678,\"two\nlines\"\n0612345679,x\n");
        assertEquals(2, r.rows().get(0).row());
        assertEquals("two\nlines", r.rows().get(0).cells().get(1));
        assertEquals(3, r.rows().get(1).row());
    }

    @Test
    void blankRowsAreBlankAndShortRowsAreMalformed() {
        Read r = read("tel\tnom\n\t\n0612345678\n0612345678\tDurand\n");
        assertEquals('\t', r.layout().delimiter());
        assertTrue(r.rows().get(0).blank());
        assertTrue(r.rows().get(1).malformed());
        assertFalse(r.rows().get(2).malformed());
    }

    @Test
    void otherColumnsBecomeAttributesUnderTheirNormalizedName() {
        Read r = read("Téléphone;Référence Client\n0612345678;CLI-1\n");
        assertEquals("reference_client", r.layout().attributeColumns().get(1));
        assertEquals("CLI-1", ContactFileReader.attributesOf(r.layout(), r.rows().get(0).cells())
                .get("reference_client"));
    }

    @Test
    void aFileWithoutAPhoneColumnOrEmptyIsUnreadable() {
        assertThrows(ContactFileReader.UnreadableFileException.class, () -> read("nom;prenom\nA;B\n"));
        assertThrows(ContactFileReader.UnreadableFileException.class, () -> read(""));
        assertThrows(ContactFileReader.UnreadableFileException.class, () -> read(new byte[]{0, 1, 2, 3, 10}));
    }
}
