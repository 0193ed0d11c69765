package com.outboundcalls.invoice;

import java.util.List;

/** Renders an issued document into the files a person and an accounting tool read (PDF, Factur-X). */
public interface InvoiceDocuments {

    /** A rendered file: its name after {@code {number}_{clientId}}, its bytes and its media type. */
    record Rendered(String suffix, byte[] content, String contentType) {
    }

    List<Rendered> render(Invoice invoice);

    /** Renders nothing beyond the JSON every document gets: for runs that do not need the PDFs. */
    InvoiceDocuments NONE = invoice -> List.of();
}
