package com.outboundcalls.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The payment mentions French law requires on an invoice (Code de commerce L441-9 and L441-10, D441-5), in
 * the words both the PDF and the Factur-X notes print.
 */
public final class InvoiceMentions {

    private static final java.time.format.DateTimeFormatter FRENCH_DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** How a usage line's amount is obtained from the calls it sums (the usage detail lists them). */
    public static final String USAGE_RULE = "Lignes d'appels : secondes facturées (chaque seconde entamée, du décroché"
            + " au raccrochage) additionnées par origine, destination, type de numéro et prix, multipliées par le prix"
            + " HT par minute puis divisées par 60, arrondies une seule fois au centime (au demi-centime supérieur)."
            + " Le détail des appels donne le montant de chacun à six décimales, pour contrôle : leur somme peut"
            + " différer d'un centime de la ligne.";

    private InvoiceMentions() {
    }

    public static List<String> of(Invoice invoice) {
        List<String> mentions = new ArrayList<>();
        if (invoice.isCreditNote()) {
            mentions.add("Avoir sur la facture n° " + invoice.corrects() + " : " + invoice.reason());
            return mentions;
        }
        mentions.add("Date d'échéance : " + FRENCH_DATE.format(invoice.dueDate())
                + ". Pas d'escompte pour paiement anticipé.");
        if (invoice.isPenaltyClaim()) {
            mentions.add("Pénalités de retard dues au titre de la facture n° " + invoice.corrects()
                    + ", exigibles sans rappel dès le lendemain de son échéance (article L441-10 du Code de commerce).");
            mentions.add("Indemnité forfaitaire pour frais de recouvrement : " + percent(LatePenalty.RECOVERY_INDEMNITY)
                    + " EUR (articles L441-10 et D441-5 du Code de commerce).");
            return mentions;
        }
        String rate = invoice.latePenaltyRate() == null ? ""
                : " (soit " + percent(invoice.latePenaltyRate()) + " % l'an)";
        mentions.add("Pénalités de retard : trois fois le taux d'intérêt légal" + rate
                + ", exigibles dès le lendemain de la date d'échéance sans qu'un rappel soit nécessaire.");
        mentions.add("Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : "
                + percent(LatePenalty.RECOVERY_INDEMNITY) + " EUR (articles L441-10 et D441-5 du Code de commerce).");
        return mentions;
    }

    /**
     * The tax mentions, on invoices and credit notes alike: the nature of the operations, why no French VAT is
     * charged when none is (reverse charge, taker outside the Union or outside the VAT territory), and the
     * option for VAT on debits only when the provider has taken it.
     */
    public static List<String> taxes(Invoice invoice) {
        List<String> mentions = new ArrayList<>();
        mentions.add("Nature des opérations : prestations de services.");
        String treatment = invoice.vatTreatment().mention();
        if (treatment != null) {
            mentions.add(treatment);
        }
        if (invoice.seller().vatOnDebits() && invoice.vatTreatment().category() == VatTreatment.Category.S) {
            mentions.add("Option pour le paiement de la taxe d'après les débits.");
        }
        return mentions;
    }

    /** The seller's legal mentions: legal form, capital and trade register. */
    public static String seller(Provider provider) {
        StringBuilder s = new StringBuilder(provider.identity().name());
        if (provider.legalForm() != null) {
            s.append(", ").append(provider.legalForm());
        }
        if (provider.registration() != null) {
            s.append(", ").append(provider.registration());
        }
        return s.toString();
    }

    public static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
