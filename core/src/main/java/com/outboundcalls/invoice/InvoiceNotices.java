package com.outboundcalls.invoice;

import com.outboundcalls.files.Html;
import com.outboundcalls.mail.Mail;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The mail that tells a client its invoice is issued: number, period, amounts, due date, where to get it. */
public final class InvoiceNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private InvoiceNotices() {
    }

    public static Mail issued(Invoice invoice, String billingEmail) {
        String document = invoice.isCreditNote() ? "L'avoir" : "La facture";
        String text = "Bonjour,\n\n" + document + " " + invoice.number() + " de " + invoice.buyer().name()
                + " pour " + invoice.period() + " est émise : " + invoice.totalExclVat().toPlainString() + " EUR HT, "
                + invoice.totalInclVat().toPlainString() + " EUR TTC"
                + (invoice.isCreditNote() ? "" : ", à régler avant le " + DAY.format(invoice.dueDate())) + ".\n"
                + "Elle est disponible dans votre espace client, rubrique Factures (PDF et Factur-X).\n\n"
                + invoice.seller().identity().name() + "\n";
        String html = "<p>" + Html.escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>";
        return new Mail("invoice-issued#" + invoice.number(), List.of(billingEmail),
                document + " " + invoice.number() + " — " + invoice.buyer().name(), text, html);
    }
}
