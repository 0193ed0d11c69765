package com.outboundcalls.invoice;

import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.account.TaxTerritory;

import java.math.BigDecimal;

/**
 * How French VAT applies to a business client's telecom services, from where the client is established (CGI
 * art. 259-1: the place of the taker): the category of EN 16931 (UNTDID 5305) with its rate, and for a supply
 * without French VAT the reason printed on the invoice and its code (VATEX).
 *
 * @param rate    a fraction (0.20 for 20 %)
 * @param mention the line the invoice prints under its totals, or null for the standard case
 */
public record VatTreatment(Category category, BigDecimal rate, String exemptionReason, String exemptionCode,
                           String mention) {

    /** The EN 16931 VAT categories this business uses. */
    public enum Category {
        /** Standard rate (S). */
        S,
        /** Reverse charge: the taker, in another member state, accounts for the VAT (AE). */
        AE,
        /** Supply to a taker outside the Union, outside the scope of French VAT (G). */
        G,
        /** Not subject to VAT: outside the VAT territory (O). */
        O
    }

    public static final BigDecimal STANDARD_RATE = new BigDecimal("0.20");
    /** Guadeloupe, Martinique and Réunion (CGI art. 296). */
    public static final BigDecimal OVERSEAS_RATE = new BigDecimal("0.085");

    public VatTreatment {
        if (category == null || rate == null || rate.signum() < 0) {
            throw new IllegalArgumentException("a VAT treatment has a category and a rate");
        }
        if ((category == Category.S) != (rate.signum() > 0) || (category != Category.S && exemptionReason == null)) {
            throw new IllegalArgumentException("only the standard category carries a rate; the others say why not");
        }
    }

    /** The standard rate, as every invoice carried before treatments were told apart. */
    public static VatTreatment standard(BigDecimal rate) {
        return new VatTreatment(Category.S, rate, null, null, null);
    }

    /** Late-payment interest and the recovery indemnity: compensation, outside the scope of VAT. */
    public static VatTreatment penalties() {
        return new VatTreatment(Category.O, BigDecimal.ZERO, "Indemnités hors du champ de la TVA", "VATEX-EU-O",
                "Pénalités de retard et indemnité forfaitaire : hors du champ de la TVA (indemnités, sans contrepartie"
                        + " d'un service).");
    }

    /** The treatment of the services this seller supplies to this client. */
    public static VatTreatment of(Provider seller, LegalEntity buyer) {
        TaxTerritory territory = buyer.taxTerritory();
        return switch (territory) {
            case FRANCE -> standard(STANDARD_RATE);
            case FRENCH_OVERSEAS_TAXED -> standard(OVERSEAS_RATE);
            case OTHER_MEMBER_STATE -> new VatTreatment(Category.AE, BigDecimal.ZERO, "Autoliquidation",
                    "VATEX-EU-AE", "Autoliquidation : la TVA est due par le preneur, article 283-2 du CGI et article"
                    + " 196 de la directive 2006/112/CE. TVA du prestataire : " + seller.identity().vatNumber()
                    + " ; TVA du preneur : "
                    + buyer.vatNumber() + ".");
            case OUTSIDE_EU -> new VatTreatment(Category.G, BigDecimal.ZERO,
                    "Prestation de services à un preneur établi hors de l'Union européenne", "VATEX-EU-G",
                    "TVA non applicable, article 259-1 du CGI : le preneur est établi hors de l'Union européenne.");
            case FRENCH_OVERSEAS_UNTAXED -> new VatTreatment(Category.O, BigDecimal.ZERO,
                    "Non soumis à la TVA", "VATEX-EU-O",
                    "TVA non applicable, article 294 du CGI : le preneur est établi hors du territoire de la TVA.");
        };
    }

    /** Whether the invoice must leave out the parties' VAT numbers (EN 16931 BR-O-02: not subject to VAT). */
    public boolean withoutVatNumbers() {
        return category == Category.O;
    }
}
