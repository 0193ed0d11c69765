package com.outboundcalls.functions.invoicing;

import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceDocuments;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invoice the invoicing functions render before a snapshot: a whole one, outside the series. */
class MadeUpInvoiceTest {

    @Test
    void theMadeUpInvoiceRendersAsAFacturXWithItsUsageAndANumberOutsideTheSeries() {
        Invoice invoice = MadeUpInvoice.invoice();

        List<InvoiceDocuments.Rendered> files = new FacturX().render(invoice);

        assertFalse(files.isEmpty());
        byte[] pdf = files.get(0).content();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(invoice.totalExclVat().compareTo(BigDecimal.ZERO) > 0, "a fixed part and calls: " + invoice.totalExclVat());
        assertFalse(invoice.number().matches("\\d{4}-\\d+"), "never a number of the invoice series");
    }
}
