package com.outboundcalls.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceLine;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.invoice.VatTreatment;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Invoices are stored as their documents have always been written, and documents of every age read back. */
class InvoiceJsonTest {

    /** The mapping the stored documents were written and read with before they had a writing of their own. */
    private static final ObjectMapper STORED = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Provider SELLER = new Provider(new LegalEntity("Appels Sortants SAS", "10 rue de la Paix",
            "75002", "Paris", "FR", "732829320", LegalEntity.frenchVatNumber("732829320")),
            "SAS au capital de 50 000 EUR", "RCS Paris 732 829 320", "FR7630006000011234567890189", "AGRIFRPP",
            "facturation@example.fr", true);
    private static final LegalEntity BUYER = new LegalEntity("Bruxelles \"Appels\" SA", "Rue Royale 12", "1000",
            "Bruxelles", "BE", null, "BE0403170701");

    private static List<Invoice> documents() {
        List<InvoiceLine> lines = List.of(
                InvoiceLine.fixed("Forfait Essentiel, novembre 2026", BigDecimal.ONE, "month", new BigDecimal("49.00"),
                        new BigDecimal("49.00"), null),
                InvoiceLine.fixed("Numéros, prorata", new BigDecimal("2"), "number", new BigDecimal("5.00"),
                        new BigDecimal("6.33"), new InvoiceLine.Prorata(19, 30)),
                new InvoiceLine(InvoiceLine.Kind.USAGE, "Appels sortants FR vers BE (FIXED_LINE)", new BigDecimal("2.8667"),
                        "minute", new BigDecimal("0.0300"), new BigDecimal("0.09"), "FR", "BE", "FIXED_LINE", 172L, null,
                        YearMonth.of(2026, 10)),
                InvoiceLine.penalty("Indemnité forfaitaire", new BigDecimal("4E+1")));
        Invoice invoice = new Invoice(Invoice.Type.INVOICE, "2026-000003", "demo-client", YearMonth.of(2026, 11),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 30), SELLER, BUYER, lines, new BigDecimal("235.78"), BigDecimal.ZERO,
                new BigDecimal("0.00"), new BigDecimal("235.78"), "EUR", new BigDecimal("0.1215"), null, null,
                VatTreatment.of(SELLER, BUYER), Instant.parse("2026-11-30T22:59:59.123456Z"));
        Invoice credit = new Invoice(Invoice.Type.CREDIT_NOTE, null, "demo-client", YearMonth.of(2026, 11),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 3), SELLER, BUYER, List.of(InvoiceLine.credit("Avoir", new BigDecimal("-10.00"))),
                new BigDecimal("-10.00"), new BigDecimal("0.20"), new BigDecimal("-2.00"), new BigDecimal("-12.00"),
                "EUR", new BigDecimal("0.1215"), "2026-000003", "disputed minutes", VatTreatment.standard(
                new BigDecimal("0.20")), null);
        Invoice legacy = new Invoice(Invoice.Type.PENALTY_CLAIM, "2025-000001", "old", YearMonth.of(2025, 1),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), LocalDate.of(2025, 1, 31),
                LocalDate.of(2025, 3, 2), SELLER, BUYER, List.of(), BigDecimal.TEN, new BigDecimal("0.085"),
                new BigDecimal("0.85"), new BigDecimal("10.85"), "EUR", null, null, null, null, null);
        return List.of(invoice, credit, legacy);
    }

    /**
     * Byte for byte, but for the order of the two flags after the fields, which the mapping took from the order in
     * which the JVM listed the methods (it differs from one JVM to another): their values are compared instead.
     */
    @Test
    void aDocumentIsWrittenAsTheStoredDocumentsWereWritten() throws Exception {
        for (Invoice invoice : documents()) {
            String stored = STORED.writeValueAsString(invoice);
            String written = InvoiceJson.write(invoice);
            assertEquals(withoutFlags(stored), withoutFlags(written));
            for (String flag : List.of("penaltyClaim", "creditNote")) {
                assertEquals(STORED.readTree(stored).get(flag), STORED.readTree(written).get(flag), flag);
            }
        }
    }

    private static String withoutFlags(String json) {
        return json.replaceAll(",\"(penaltyClaim|creditNote)\":(true|false)", "");
    }

    @Test
    void aDocumentReadsBackEqualWithItsAmountsScalesKept() throws Exception {
        for (Invoice invoice : documents()) {
            String stored = STORED.writeValueAsString(invoice);
            assertEquals(invoice, InvoiceJson.read(stored));
            assertEquals(STORED.readValue(stored, Invoice.class), InvoiceJson.read(stored));
        }
        assertEquals(new BigDecimal("0.00"), InvoiceJson.read(InvoiceJson.write(documents().get(0))).vatAmount());
    }

    @Test
    void anOlderDocumentWithoutTheLaterFieldsOrWithOthersReadsAsTheMappingReadIt() throws Exception {
        String older = STORED.writeValueAsString(documents().get(2))
                .replace(",\"vat\":null", "").replace(",\"usageCutoff\":null", "")
                .replace("\"currency\"", "\"retired\":{\"x\":[1,2]},\"currency\"");
        assertEquals(STORED.readValue(older, Invoice.class), InvoiceJson.read(older));
    }

    @Test
    void aDocumentThatIsNotOneIsRefused() {
        for (String stored : List.of("", "[]", "{\"type\":\"RECEIPT\"}", "{\"issueDate\":\"yesterday\"}", "{")) {
            assertThrows(IllegalStateException.class, () -> InvoiceJson.read(stored), stored);
        }
    }
}
