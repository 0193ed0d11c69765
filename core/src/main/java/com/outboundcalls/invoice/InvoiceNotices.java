package com.outboundcalls.invoice;

import com.outboundcalls.files.Html;
import com.outboundcalls.mail.Mail;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The mails of a client's invoices, to its billing address: an invoice issued (number, period, amounts, due date,
 * where to get it), a warning that an unpaid invoice will suspend the account, a dispute acknowledged.
 */
public final class InvoiceNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private InvoiceNotices() {
    }

    /**
     * An overdue invoice, told once: what is still owed, and the day the account is suspended (its calls stop) if it
     * is still unpaid then.
     */
    public static Mail suspensionWarning(Dunning.Warning warning, String billingEmail) {
        Invoice invoice = warning.invoice();
        String text = "Bonjour,\n\nLa facture " + invoice.number() + " de " + invoice.buyer().name() + ", échue le "
                + DAY.format(invoice.dueDate()) + ", reste due : " + warning.outstanding().toPlainString() + " EUR TTC, "
                + "auxquels s'ajoutent les pénalités de retard prévues par les conditions générales.\n"
                + "Sans règlement, le compte sera suspendu le " + DAY.format(warning.suspendsOn())
                + " : plus aucun appel ne sera passé jusqu'au paiement. Si la facture est contestée, dites-le nous : "
                + "une contestation suspend le recouvrement le temps de son examen.\n\n"
                + invoice.seller().identity().name() + "\n";
        return new Mail("suspension-warning#" + invoice.number(), List.of(billingEmail),
                "Facture " + invoice.number() + " impayée — suspension le " + DAY.format(warning.suspendsOn()),
                text, html(text));
    }

    /** A dispute recorded: which invoice, since when, and that its dunning waits for the answer. */
    public static Mail disputeAcknowledged(Invoice invoice, Dispute dispute, String billingEmail) {
        String text = "Bonjour,\n\nNous avons bien reçu, le " + DAY.format(dispute.filedOn()) + ", la contestation de la "
                + "facture " + invoice.number() + " de " + invoice.buyer().name() + " (" + invoice.period() + ", "
                + invoice.totalInclVat().toPlainString() + " EUR TTC).\nMotif enregistré : " + dispute.reason()
                + "\nLe recouvrement de cette facture (pénalités, suspension) est suspendu jusqu'à notre réponse ; "
                + "un avoir vous sera émis si la contestation est fondée.\n\n" + invoice.seller().identity().name() + "\n";
        return new Mail("dispute-acknowledged#" + invoice.number() + "#" + dispute.filedOn(), List.of(billingEmail),
                "Contestation de la facture " + invoice.number() + " enregistrée", text, html(text));
    }

    private static String html(String text) {
        return "<p>" + Html.escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>";
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
