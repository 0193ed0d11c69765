package com.outboundcalls.invoice;

import com.outboundcalls.account.Client;
import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes a month's invoice: the fixed subscription, then one usage line per rate with
 * amount = round_half_up(seconds x price per minute / 60, 2); VAT on the total excluding VAT, to the cent.
 */
public final class InvoiceCalculator {

    public static final BigDecimal VAT_RATE = new BigDecimal("0.20");
    public static final int PAYMENT_TERM_DAYS = 30;

    public Invoice draft(Client client, YearMonth period, LocalDate issueDate, UsageTotals usage) {
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal fee = Money.toCents(client.monthlyFee());
        lines.add(InvoiceLine.fixed("Abonnement mensuel " + period, BigDecimal.ONE, "month", fee, fee));
        for (Map.Entry<UsageTotals.RateKey, Long> e : usage.secondsByRate().entrySet()) {
            UsageTotals.RateKey rate = e.getKey();
            long seconds = e.getValue();
            BigDecimal minutes = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            String description = String.format("Appels sortants %s vers %s (%s), %s", rate.originCountry(),
                    rate.destinationCountry(), rate.numberType(), minutesAndSeconds(seconds));
            lines.add(new InvoiceLine(InvoiceLine.Kind.USAGE, description, minutes.scale() < 0
                    ? minutes.setScale(0) : minutes, "minute", rate.pricePerMinute(),
                    Money.usageLineAmount(seconds, rate.pricePerMinute()), rate.originCountry(),
                    rate.destinationCountry(), rate.numberType(), seconds));
        }
        BigDecimal totalExclVat = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal vat = Money.toCents(totalExclVat.multiply(VAT_RATE));
        return new Invoice(null, client.clientId(), period, issueDate, issueDate.plusDays(PAYMENT_TERM_DAYS),
                List.copyOf(lines), totalExclVat, VAT_RATE, vat, totalExclVat.add(vat), Money.CURRENCY);
    }

    static String minutesAndSeconds(long seconds) {
        return String.format("%d min %02d s", seconds / 60, seconds % 60);
    }
}
