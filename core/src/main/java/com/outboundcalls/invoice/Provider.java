package com.outboundcalls.invoice;

import com.outboundcalls.account.LegalEntity;

/**
 * The provider as it appears on its own invoices: its identity and the mentions a French seller prints
 * (legal form and share capital, trade register), and where to pay.
 *
 * @param legalForm    e.g. "SAS au capital de 50 000 EUR"
 * @param registration e.g. "RCS Paris 552 100 554"
 * @param iban         account the client pays to, printed and put in the Factur-X payment means
 * @param vatOnDebits  whether the provider opted to pay VAT on its services when invoiced rather than when paid
 *                     (CGI art. 269-2-c): the invoice then says so; without the option it says nothing
 */
public record Provider(LegalEntity identity, String legalForm, String registration, String iban, String bic,
                       String email, boolean vatOnDebits) {
    public Provider {
        if (identity == null) {
            throw new IllegalArgumentException("the provider's legal identity is required");
        }
    }

    /** A provider that has not opted for VAT on debits. */
    public Provider(LegalEntity identity, String legalForm, String registration, String iban, String bic,
                    String email) {
        this(identity, legalForm, registration, iban, bic, email, false);
    }
}
