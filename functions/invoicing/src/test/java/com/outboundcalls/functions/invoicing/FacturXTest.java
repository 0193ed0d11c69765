package com.outboundcalls.functions.invoicing;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.invoice.CreditNotes;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceCalculator;
import com.outboundcalls.invoice.InvoiceDocuments;
import com.outboundcalls.invoice.LegalInterestRates;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.invoice.UsageTotals;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;
import org.mustangproject.validator.ZUGFeRDValidator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Factur-X file passes Mustang's validator (PDF/A-3 by veraPDF, EN 16931 schematron, arithmetic). */
class FacturXTest {

    static final Provider PROVIDER = new Provider(new LegalEntity("Appels Sortants SAS", "10 rue de la Paix", "75002",
            "Paris", "FR", "732829320", LegalEntity.frenchVatNumber("732829320")), "SAS au capital de 50 000 EUR",
            "RCS Paris 732 829 320", "FR7630006000011234567890189", "AGRIFRPP", "facturation@example.fr");
    static final LegalEntity BUYER = new LegalEntity("Cabinet Démo SARL", "1 place Bellecour", "69002", "Lyon", "FR",
            "542107651", LegalEntity.frenchVatNumber("542107651"));

    /** A prorated first month with usage at several rates, one of them rounding half a cent up. */
    static Invoice proratedInvoiceWithUsage() {
        BillingAccount account = new BillingAccount("c1", new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")),
                new BillingAccount.Units(3, new BigDecimal("5.00")), new BillingAccount.Units(2, new BigDecimal("12.50")),
                new BillingAccount.Units(1, new BigDecimal("39.90")), LocalDate.of(2026, 4, 19), null, BUYER, 30);
        UsageTotals usage = new UsageTotals();
        List<com.outboundcalls.rate.RatedCall> calls = new ArrayList<>();
        java.time.Instant t = java.time.Instant.parse("2026-04-25T09:00:00Z");
        calls.add(call("a", "FR", "MOBILE", 1234, "0.0450", t));
        calls.add(call("b", "FR", "FIXED_LINE", 123, "0.0120", t));
        calls.add(call("c", "BE", "MOBILE", 2, "0.1500", t));
        calls.forEach(usage::add);
        return new InvoiceCalculator(LegalInterestRates.parse("2026-H1=2.62")).draft(account, PROVIDER,
                YearMonth.of(2026, 4), LocalDate.of(2026, 5, 1), usage).orElseThrow().withNumber("2026-000042");
    }

    private static com.outboundcalls.rate.RatedCall call(String id, String dest, String type, long seconds,
                                                          String price, java.time.Instant answered) {
        return new com.outboundcalls.rate.RatedCall(id, "c1", "camp", "ct-" + id, 1, "FR", dest, type,
                answered.minusSeconds(5), answered, answered.plusSeconds(seconds), seconds, new BigDecimal(price), null,
                "v1", com.outboundcalls.rate.RatedCall.Status.RATED, null);
    }

    private static String validate(byte[] pdf) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "invoice.pdf");
        assertTrue(validator.wasCompletelyValid(), report);
        assertTrue(report.contains("<summary status=\"valid\""), report);
        return report;
    }

    @Test
    void aProratedInvoiceWithUsagePassesMustangsValidator() throws Exception {
        Invoice invoice = proratedInvoiceWithUsage();
        List<InvoiceDocuments.Rendered> files = new FacturX().render(invoice);
        byte[] facturX = files.get(1).content();

        validate(facturX);

        ZUGFeRDImporter importer = new ZUGFeRDImporter(new java.io.ByteArrayInputStream(facturX));
        String xml = new String(importer.getRawXML(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xml.contains("urn:cen.eu:en16931:2017"), "EN 16931 profile");
        assertEquals(invoice.totalInclVat(), new BigDecimal(importer.getAmount()));
        assertTrue(xml.contains("<ram:GrandTotalAmount>" + invoice.totalInclVat().toPlainString()), xml);
        assertTrue(xml.contains("<ram:TaxTotalAmount currencyID=\"EUR\">" + invoice.vatAmount().toPlainString()), xml);
        assertTrue(xml.contains("732829320") && xml.contains("FR13542107651"), "both parties' SIREN and VAT numbers");
        assertTrue(xml.contains("7,86 %"), "the late-penalty rate is in the notes");
    }

    @Test
    void theValidatorRejectsAPdfWithoutItsXmlSoItsVerdictCounts() {
        byte[] plain = new FacturX().render(proratedInvoiceWithUsage()).get(0).content();
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(plain, "plain.pdf");
        assertTrue(!validator.wasCompletelyValid(), report);
    }

    @Test
    void theReadablePdfShowsTheMentionsTheLawRequires() throws Exception {
        Invoice invoice = proratedInvoiceWithUsage();
        byte[] pdf = new FacturX().render(invoice).get(0).content();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        for (String expected : List.of("FACTURE n° 2026-000042", "SIREN 732829320", "TVA FR44732829320",
                "SIREN 542107651", "Date d'échéance : 31/05/2026", "Période : du 19/04/2026 au 30/04/2026",
                "7,86 % l'an", "40 EUR", "Total TTC à payer", InvoicePdf.money(invoice.totalInclVat()) + " EUR",
                "12/30 jours")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
    }

    @Test
    void aCreditNotePassesTheValidatorAndRefersToItsInvoice() throws Exception {
        Invoice invoice = proratedInvoiceWithUsage();
        Invoice credit = CreditNotes.draft(invoice, BigDecimal.ZERO,
                new CreditNotes.Request("R1", "geste commercial", new BigDecimal("10.00")), LocalDate.of(2026, 5, 10))
                .withNumber("AV-2026-000001");
        byte[] facturX = new FacturX().render(credit).get(1).content();
        validate(facturX);
        String xml = new String(new ZUGFeRDImporter(new java.io.ByteArrayInputStream(facturX)).getRawXML(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xml.contains("<ram:TypeCode>381</ram:TypeCode>"), xml);
        assertTrue(xml.contains("2026-000042"), "refers to the corrected invoice");
    }
}
