package com.outboundcalls.invoice;

import com.outboundcalls.files.SafeCsv;
import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A month's European services declaration (DES, CGI art. 289 B): for each taker in another member state, its VAT
 * number and the amount excluding VAT of the services invoiced to it under reverse charge that month, credit
 * notes deducted; in whole euros, as the declaration takes them. Only reverse-charge (AE) documents count.
 * UTF-8, {@code ;} between cells, one line per taker in VAT-number order, numbered from 1.
 */
public final class EuropeanServicesDeclaration {

    public static final String HEADER = "ligne;numero_tva_preneur;montant_ht_euros;montant_ht_exact";

    private EuropeanServicesDeclaration() {
    }

    /** The amount excluding VAT per taker's VAT number, credit notes negative. */
    public static Map<String, BigDecimal> amounts(List<Receivable> documents) {
        Map<String, BigDecimal> byTaker = new TreeMap<>();
        for (Receivable r : documents) {
            Invoice i = r.invoice();
            if (i.vatTreatment().category() != VatTreatment.Category.AE) {
                continue;
            }
            BigDecimal amount = i.isCreditNote() ? i.totalExclVat().negate() : i.totalExclVat();
            byTaker.merge(i.buyer().vatNumber(), amount, BigDecimal::add);
        }
        return byTaker;
    }

    public static byte[] csv(List<Receivable> documents) {
        return csv(amounts(documents));
    }

    /** The declaration of these amounts per taker's VAT number. */
    public static byte[] csv(Map<String, BigDecimal> amounts) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        int line = 0;
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(amounts).entrySet()) {
            line++;
            out.append(line).append(';')
                    .append(SafeCsv.quoted(e.getKey(), ';')).append(';')
                    .append(Money.wholeEuros(e.getValue()).toPlainString()).append(';')
                    .append(Money.atCents(e.getValue()).toPlainString().replace('.', ','))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
