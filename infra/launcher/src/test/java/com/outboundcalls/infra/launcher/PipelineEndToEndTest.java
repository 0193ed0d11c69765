package com.outboundcalls.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.contact.ContactStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end through the local cloud, exactly as the demo runs it: a contact file put in the bucket,
 * contacts validated and stored, calls placed through the Connect simulator, rated, settled, and the
 * month invoiced and exported; the figures of every stage agree.
 */
class PipelineEndToEndTest {

    @Test
    void aContactFileBecomesCallsRatedCallsAndAnInvoiceWhoseFiguresAgree(@TempDir Path out) throws Exception {
        Demo.Result r = new Demo(new DemoOptions(null, "e2e-client", YearMonth.of(2026, 10), 7, out, 150)).run();

        assertEquals(java.util.List.of(), r.failedChecks(), "cross-checks");
        assertEquals(150, r.rowsRead());
        assertEquals(r.accepted(), r.contactsStored());
        assertTrue(r.rejected() > 0, "the sample has rows to reject");
        assertEquals(0, r.pending(), "every contact settled within the month");
        long reached = r.statuses().getOrDefault(ContactStatus.REACHED, 0L);
        long unsuccessful = r.statuses().getOrDefault(ContactStatus.UNSUCCESSFUL, 0L);
        long notReached = r.statuses().getOrDefault(ContactStatus.NOT_REACHED, 0L);
        assertEquals(r.accepted(), reached + unsuccessful + notReached);
        assertTrue(r.calleesOpposed() > 0 && r.calleesOpposed() <= reached + unsuccessful,
                "callees who asked not to be called again are on the client's list: " + r.calleesOpposed());
        assertTrue(r.connect().callsPlaced() >= r.accepted(), "each contact called at least once");
        assertTrue(r.connect().callsPlaced() <= 3 * r.accepted(), "never more attempts than the tariff's three");
        assertEquals(r.connect().callsPlaced(), r.ratedCalls(), "one rated call per call placed");
        assertEquals(0, r.connect().throttled(), "the dialer paced itself under Connect's quota");
        assertTrue(r.connect().maxConcurrentSeen() <= 10);

        JsonNode invoice = r.invoice();
        // Three clients invoiced, numbered without gap, one invoice each, all issued the same day. The run's
        // account tasks are taken in the queue's order, so which client gets which number is not fixed.
        assertEquals(java.util.List.of("2026-000001", "2026-000002", "2026-000003"), r.invoices().stream()
                .map(i -> i.path("number").asText()).sorted().toList());
        assertEquals(java.util.List.of("bruxelles-appels", "e2e-client", "ocean-indien"), r.invoices().stream()
                .map(i -> i.path("client_id").asText()).sorted().toList());
        assertEquals(1, r.invoices().stream().map(i -> i.path("issue_date").asText()).distinct().count());
        String number = invoice.path("number").asText();
        assertEquals("2026-10", invoice.path("period").asText());
        BigDecimal exclVat = new BigDecimal(invoice.path("total_excl_vat").asText());
        // Fixed part, a full month: 49.00 + 2 x 5.00 + 3 x 12.50 + 39.90 = 136.40.
        assertEquals(new BigDecimal("136.40").add(r.usageFromCalls()), exclVat);
        assertEquals(exclVat.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP),
                new BigDecimal(invoice.path("vat_amount").asText()));

        assertTrue(Files.exists(out.resolve("exports/invoices/2026-10/" + number + "_e2e-client.json")));
        assertTrue(Files.exists(out.resolve("exports/invoices/2026-10/e2e-client_usage.csv")));
        assertTrue(Files.exists(out.resolve("exports/invoices/2026-10/" + number + "_e2e-client.pdf")));
        assertTrue(Files.exists(out.resolve("exports/invoices/2026-10/" + number + "_e2e-client_facturx.pdf")));
        assertTrue(Files.readString(out.resolve("exports/invoices/2026-10/journal-2026-10.csv"))
                .contains(number + ";facture;2026-10-31;e2e-client;542107651;"), "issued at the end of the month");
        // The file went in through an upload link: its key (and so its reports' names) is the server's.
        assertTrue(r.fileReports().matches("reports/e2e-client/relance-2026-10/[0-9T]+-[0-9a-f]{8}-contacts\\.csv"),
                r.fileReports());
        assertTrue(Files.exists(out.resolve(r.fileReports() + ".summary.json")));
        assertTrue(Files.exists(out.resolve(r.fileReports() + ".rejects.csv")));
        // The client's billing address is told of its invoice, once, in French.
        try (var mails = Files.list(out.resolve("mail"))) {
            var invoiceMails = mails.filter(f -> f.toString().endsWith(".txt")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(m -> m.contains("Subject: La facture " + number)).toList();
            assertEquals(1, invoiceMails.size());
            assertTrue(invoiceMails.get(0).contains("To: compta@cabinet-demo.example"), invoiceMails.get(0));
            assertTrue(invoiceMails.get(0).contains(invoice.path("total_incl_vat").asText() + " EUR TTC"),
                    invoiceMails.get(0));
        }
        assertTrue(Files.exists(out.resolve("reports/price-lists/default/" + ReferenceData.PRICE_LIST_VERSION
                + ".summary.json")), "the price list went through the import function");
    }

    @Test
    void theDemoAcceptsAClientsOwnFile(@TempDir Path out) throws Exception {
        Path file = Path.of(getClass().getResource("/five-rows.csv").toURI());
        Demo.Result r = new Demo(new DemoOptions(file, "own-file", YearMonth.of(2026, 9), 1, out, 0)).run();

        assertEquals(java.util.List.of(), r.failedChecks());
        assertEquals(4, r.rowsRead());
        assertEquals(3, r.accepted());
        assertEquals(1L, r.rejectedByReason().get("NOT_A_NUMBER"));
        assertTrue(r.fileReports().endsWith("-five-rows.csv"), r.fileReports());
        assertTrue(Files.exists(out.resolve(r.fileReports() + ".rejects.csv")));
    }
}
