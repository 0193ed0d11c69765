package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fixed part of a month's invoice: the plan, then rented numbers, users and call-center licences at their
 * unit prices. The first period runs from the subscription day to the end of its month, each line prorated by
 * days; later months are due in full, and so is the month of termination.
 */
public final class FixedCharges {

    private FixedCharges() {
    }

    public static List<InvoiceLine> lines(BillingAccount account, YearMonth period) {
        if (!account.subscribedDuring(period)) {
            return List.of();
        }
        InvoiceLine.Prorata prorata = null;
        if (YearMonth.from(account.subscribedOn()).equals(period) && account.subscribedOn().getDayOfMonth() > 1) {
            int days = period.lengthOfMonth();
            prorata = new InvoiceLine.Prorata(days - account.subscribedOn().getDayOfMonth() + 1, days);
        }
        String month = monthLabel(period);
        String prorataText = prorata == null ? "" : String.format(Locale.ROOT, ", du %d au %d (%d/%d jours)",
                account.subscribedOn().getDayOfMonth(), period.lengthOfMonth(), prorata.daysUsed(),
                prorata.daysInMonth());
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(line("Forfait " + account.plan().name() + ", " + month + prorataText, 1,
                account.plan().monthlyPrice(), "month", prorata));
        add(lines, "Numéros de téléphone loués, " + month + prorataText, account.numbers(), "number", prorata);
        add(lines, "Utilisateurs, " + month + prorataText, account.users(), "user", prorata);
        add(lines, "Licences centre d'appels, " + month + prorataText, account.licences(), "licence", prorata);
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
