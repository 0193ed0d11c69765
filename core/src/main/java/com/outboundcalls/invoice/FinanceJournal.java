package com.outboundcalls.invoice;

import com.outboundcalls.files.SafeCsv;
import com.outboundcalls.money.Money;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * A month's finance journal: one row per invoice and per credit note, in UTF-8 with a BOM, {@code ;} between
 * cells and a decimal comma, so a French spreadsheet opens it as it is. Text cells cannot start a formula;
 * credit notes' totals are negative.
 */
public final class FinanceJournal {

    public static final String HEADER = "numero;type;date;client;siren;total_ht;tva;total_ttc;echeance;"
            + "facture_corrigee;statut;categorie_tva;taux_tva;tva_client";

    private FinanceJournal() {
    }

    public static byte[] csv(List<Receivable> documents, LocalDate today) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(header());
        bytes.writeBytes(rows(documents, today));
        return bytes.toByteArray();
    }

    /** The file's beginning: the BOM and the header line. */
    public static byte[] header() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** The documents' lines, each document's status as of {@code today}. */
    public static byte[] rows(List<Receivable> documents, LocalDate today) {
        StringBuilder out = new StringBuilder();
        for (Receivable r : documents) {
            Invoice i = r.invoice();
            BigDecimal sign = i.isCreditNote() ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            out.append(text(i.number())).append(';')
                    .append(i.isCreditNote() ? "avoir" : i.isPenaltyClaim() ? "penalites" : "facture").append(';')
                    .append(i.issueDate()).append(';')
                    .append(text(i.clientId())).append(';')
                    .append(text(i.buyer().siren())).append(';')
                    .append(decimal(i.totalExclVat().multiply(sign))).append(';')
                    .append(decimal(i.vatAmount().multiply(sign))).append(';')
                    .append(decimal(i.totalInclVat().multiply(sign))).append(';')
                    .append(i.dueDate()).append(';')
                    .append(text(i.corrects())).append(';')
                    .append(r.status(today).name()).append(';')
                    .append(i.vatTreatment().category().name()).append(';')
                    .append(i.vatTreatment().rate().movePointRight(2).stripTrailingZeros().toPlainString()
                            .replace('.', ',')).append(';')
                    .append(text(i.buyer().vatNumber()))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A number as a French spreadsheet reads it: decimal comma, no thousands separator. */
    static String decimal(BigDecimal value) {
        return Money.atCents(value).toPlainString().replace('.', ',');
    }

    /** A text cell: formula-safe, quoted when it holds the separator, a quote or a line break. */
    static String text(String value) {
        return SafeCsv.quoted(value, ';');
    }
}
