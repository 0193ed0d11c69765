package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fixed part of a month's invoice: the plan, then rented numbers, users and call-center licences at their
 * unit prices. The first period runs from the subscription day to the end of its month, each line prorated by
 * days; a change of the fixed part takes effect on its day, the terms before and after each prorated by the days
 * they run in the month; later months are due in full, and so is the month of termination.
 */
public final class FixedCharges {

    private FixedCharges() {
    }

    public static List<InvoiceLine> lines(BillingAccount account, YearMonth period) {
        if (!account.subscribedDuring(period)) {
            return List.of();
        }
        LocalDate first = account.subscribedOn().isAfter(period.atDay(1)) ? account.subscribedOn() : period.atDay(1);
        // The days the terms change on within the month split it into stretches, each under one set of terms.
        List<LocalDate> starts = new ArrayList<>(List.of(first));
        for (BillingAccount.Terms change : account.changes()) {
            if (change.from().isAfter(first) && !change.from().isAfter(period.atEndOfMonth())) {
                starts.add(change.from());
            }
        }
        String month = monthLabel(period);
        List<InvoiceLine> lines = new ArrayList<>();
        int days = period.lengthOfMonth();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = starts.get(i);
            LocalDate to = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : period.atEndOfMonth();
            int used = to.getDayOfMonth() - from.getDayOfMonth() + 1;
            InvoiceLine.Prorata prorata = used == days ? null : new InvoiceLine.Prorata(used, days);
            String prorataText = prorata == null ? "" : String.format(Locale.ROOT, ", du %d au %d (%d/%d jours)",
                    from.getDayOfMonth(), to.getDayOfMonth(), used, days);
            BillingAccount.Terms terms = account.termsOn(from);
            lines.add(line("Forfait " + terms.plan().name() + ", " + month + prorataText, 1,
                    terms.plan().monthlyPrice(), "month", prorata));
            add(lines, "Numéros de téléphone loués, " + month + prorataText, terms.numbers(), "number", prorata);
            add(lines, "Utilisateurs, " + month + prorataText, terms.users(), "user", prorata);
            add(lines, "Licences centre d'appels, " + month + prorataText, terms.licences(), "licence", prorata);
        }
        return lines;
    }

    private static void add(List<InvoiceLine> lines, String description, BillingAccount.Units units, String unit,
                            InvoiceLine.Prorata prorata) {
        if (units.quantity() > 0) {
            lines.add(line(description, units.quantity(), units.unitPrice(), unit, prorata));
        }
    }

    private static InvoiceLine line(String description, int quantity, BigDecimal unitPrice, String unit,
                                    InvoiceLine.Prorata prorata) {
        BigDecimal monthly = unitPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal amount = prorata == null ? Money.toCents(monthly)
                : Money.prorated(monthly, prorata.daysUsed(), prorata.daysInMonth());
        return InvoiceLine.fixed(description, BigDecimal.valueOf(quantity), unit, unitPrice, amount, prorata);
    }

    static String monthLabel(YearMonth period) {
        return period.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + period.getYear();
    }
}
