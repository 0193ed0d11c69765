package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a month's invoice: the fixed lines, then one usage line per rate with
 * amount = round_half_up(seconds x price per minute / 60, 2); VAT on the total excluding VAT, to the cent, at
 * the rate of the client's place ({@link VatTreatment}).
 */
public final class InvoiceCalculator {

    private final LegalInterestRates rates;

    public InvoiceCalculator(LegalInterestRates rates) {
        this.rates = rates;
    }

    /** The draft for this account and month, or empty when it was not subscribed then and made no calls. */
    public Optional<Invoice> draft(BillingAccount account, Provider seller, YearMonth period, LocalDate issueDate,
                                   UsageTotals usage) {
        return draft(account, seller, period, issueDate, usage, List.of());
    }

    /** A section of the invoice: a sub-account's calls, listed under its name after the account's own. */
    public record Section(String name, UsageTotals usage) {
    }

    /** The draft, with a section for each sub-account invoiced on this account's invoice. */
    public Optional<Invoice> draft(BillingAccount account, Provider seller, YearMonth period, LocalDate issueDate,
                                   UsageTotals usage, List<Section> sections) {
        List<InvoiceLine> lines = new ArrayList<>(FixedCharges.lines(account, period));
        usageLines(usage, "", lines);
        for (Section section : sections) {
            usageLines(section.usage(), "Sous-compte " + section.name() + " : ", lines);
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        LocalDate start = account.subscribedOn().isAfter(period.atDay(1)) ? account.subscribedOn() : period.atDay(1);
        return Optional.of(Invoice.draft(Invoice.Type.INVOICE, account.clientId(), period, start,
                period.atEndOfMonth(), issueDate, issueDate.plusDays(account.paymentTermDays()), seller,
                account.identity(), lines, VatTreatment.of(seller, account.identity()),
                rates.latePenaltyPercentOn(issueDate.plusDays(account.paymentTermDays())).orElse(null), null, null));
    }

    private static void usageLines(UsageTotals usage, String section, List<InvoiceLine> lines) {
        usage.secondsByRate().forEach((rate, seconds) -> lines.add(usageLine(section, rate, seconds, null)));
        usage.lateSecondsByMonth().forEach((month, byRate) -> byRate.forEach((rate, seconds) ->
                lines.add(usageLine(section, rate, seconds, month))));
    }

    private static final java.time.format.DateTimeFormatter FRENCH_MONTH =
            java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.FRENCH);

    private static InvoiceLine usageLine(String section, UsageTotals.RateKey rate, long seconds, YearMonth lateMonth) {
        String late = "";
        if (lateMonth != null) {
            String month = FRENCH_MONTH.format(lateMonth);
            late = "Appels " + ("aeiou".indexOf(month.charAt(0)) >= 0 ? "d'" : "de ") + month
                    + " facturés en retard : ";
        }
        String description = section + late + String.format("Appels sortants %s vers %s (%s), %s",
                rate.originCountry(), rate.destinationCountry(), rate.numberType(), minutesAndSeconds(seconds));
        return new InvoiceLine(InvoiceLine.Kind.USAGE, description, Money.minutes(seconds), "minute",
                rate.pricePerMinute(), Money.usageLineAmount(seconds, rate.pricePerMinute()), rate.originCountry(),
                rate.destinationCountry(), rate.numberType(), seconds, null, lateMonth);
    }

    static String minutesAndSeconds(long seconds) {
        return String.format("%d min %02d s", seconds / 60, seconds % 60);
    }
}
