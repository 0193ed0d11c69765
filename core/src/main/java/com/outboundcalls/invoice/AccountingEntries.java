package com.outboundcalls.invoice;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A month's Fichier des Écritures Comptables (LPF art. A47 A-1): the 18 columns, {@code |} between them, one
 * balanced entry per invoice, credit note and penalty claim (journal VE) and per payment (BQ), dated in the
 * month. Accounts come from {@link Accounts}: the client's receivable on 411 with the client as
 * auxiliary account, revenue on 706 by kind (subscriptions, calls) and VAT treatment, so that reverse-charge and
 * out-of-scope sales have accounts of their own; credits on 709; VAT collected on 44571 per rate; the bank on 512;
 * penalties on 763.
 */
public final class AccountingEntries {

    public static final String HEADER = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|"
            + "CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|"
            + "Montantdevise|Idevise";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The chart of accounts the entries use; each can be set (`FEC_ACCOUNTS`: {@code key=account,...}). */
    public record Accounts(Map<String, String> byKey) {

        /** The provider's chart by default. */
        public static final Map<String, String> DEFAULTS = defaults();

        private static Map<String, String> defaults() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("customers", "411000");
            d.put("bank", "512000");
            d.put("penalties", "763000");
            d.put("fixed.S", "706100");
            d.put("fixed.AE", "706110");
            d.put("fixed.G", "706120");
            d.put("fixed.O", "706130");
            d.put("usage.S", "706200");
            d.put("usage.AE", "706210");
            d.put("usage.G", "706220");
            d.put("usage.O", "706230");
            d.put("credit.S", "709000");
            d.put("credit.AE", "709010");
            d.put("credit.G", "709020");
            d.put("credit.O", "709030");
            d.put("vat.20", "445712");
            d.put("vat.8.5", "445718");
            return Map.copyOf(d);
        }

        /** The defaults with the given overrides, {@code key=account} separated by commas; an unknown key refused. */
        public static Accounts parse(String overrides) {
            Map<String, String> accounts = new LinkedHashMap<>(DEFAULTS);
            if (overrides != null && !overrides.isBlank()) {
                for (String pair : overrides.split(",")) {
                    String[] kv = pair.strip().split("=", 2);
                    if (kv.length != 2 || !kv[1].strip().matches("[0-9A-Z]{3,20}")) {
                        throw new IllegalArgumentException("'" + pair.strip() + "' is not key=account");
                    }
                    if (!DEFAULTS.containsKey(kv[0].strip()) && !kv[0].strip().startsWith("vat.")) {
                        throw new IllegalArgumentException("unknown account key '" + kv[0].strip() + "'");
                    }
                    accounts.put(kv[0].strip(), kv[1].strip());
                }
            }
            return new Accounts(Map.copyOf(accounts));
        }

        String get(String key) {
            String account = byKey.get(key);
            if (account == null) {
                throw new IllegalStateException("no account for " + key + ": add it to FEC_ACCOUNTS");
            }
            return account;
        }

        String vat(BigDecimal rate) {
            return get("vat." + rate.movePointRight(2).stripTrailingZeros().toPlainString());
        }
    }

    /** An entry of the month: a document issued ({@link Sale}) or a payment received ({@link PaymentOf}). */
    public sealed interface Entry permits Sale, PaymentOf {
    }

    /** An invoice, credit note or penalty claim issued. */
    public record Sale(Invoice document) implements Entry {
    }

    /** A payment and the invoice it pays. */
    public record PaymentOf(Payment payment, Invoice invoice) implements Entry {
    }

    /** The order of a month's entries: documents by issue date then number, then payments by day then reference. */
    public static final java.util.Comparator<Entry> ORDER = java.util.Comparator.comparing(AccountingEntries::sortKey);

    /** The key that orders an entry among its month's: what the store's index sorts on. */
    public static String sortKey(Entry entry) {
        if (entry instanceof Sale sale) {
            return "D#" + sale.document().issueDate() + "#" + sale.document().number();
        }
        PaymentOf p = (PaymentOf) entry;
        return "P#" + p.payment().receivedOn() + "#" + p.payment().bankReference();
    }

    private AccountingEntries() {
    }

    /** The month's entries as the FEC file: the documents issued and the payments received in it. */
    public static byte[] fec(List<Invoice> documents, List<PaymentOf> payments, Accounts accounts) {
        List<Entry> entries = new ArrayList<>();
        documents.forEach(d -> entries.add(new Sale(d)));
        entries.addAll(payments);
        entries.sort(ORDER);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(header());
        bytes.writeBytes(rows(entries, 1, accounts));
        return bytes.toByteArray();
    }

    /** The file's header line. */
    public static byte[] header() {
        return (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The entries' lines, in the order given, numbered from {@code first} on (one number per entry). */
    public static byte[] rows(List<Entry> entries, int first, Accounts accounts) {
        List<String> rows = new ArrayList<>();
        int n = first;
        for (Entry entry : entries) {
            if (entry instanceof Sale sale) {
                sale(sale.document(), n, accounts, rows);
            } else {
                payment((PaymentOf) entry, n, accounts, rows);
            }
            n++;
        }
        return rows.isEmpty() ? new byte[0] : (String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void payment(PaymentOf p, int n, Accounts accounts, List<String> rows) {
        Payment pay = p.payment();
        String what = "Règlement facture " + pay.invoiceNumber();
        rows.add(row("BQ", "Banque", n, pay.receivedOn(), accounts.get("bank"), "Banque", null, null,
                pay.bankReference(), pay.receivedOn(), what, pay.amount(), null));
        rows.add(row("BQ", "Banque", n, pay.receivedOn(), accounts.get("customers"), "Clients",
                p.invoice().clientId(), p.invoice().buyer().name(), pay.bankReference(), pay.receivedOn(),
                what, null, pay.amount()));
    }

    /** An invoice (the client debited) or a credit note (credited), against revenue and VAT. */
    private static void sale(Invoice d, int n, Accounts accounts, List<String> rows) {
        boolean credit = d.isCreditNote();
        String category = d.vatTreatment().category().name();
        String what = (credit ? "Avoir " : d.isPenaltyClaim() ? "Pénalités de retard " : "Facture ") + d.number();
        rows.add(row("VE", "Ventes", n, d.issueDate(), accounts.get("customers"), "Clients", d.clientId(),
                d.buyer().name(), d.number(), d.issueDate(), what, credit ? null : d.totalInclVat(),
                credit ? d.totalInclVat() : null));
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        for (InvoiceLine line : d.lines()) {
            String kind = switch (line.kind()) {
                case FIXED -> "fixed";
                case USAGE -> "usage";
                case CREDIT -> "credit";
                case PENALTY -> "penalties";
            };
            revenue.merge(accounts.get(kind.equals("penalties") ? kind : kind + "." + category), line.amount(),
                    BigDecimal::add);
        }
        revenue.forEach((account, amount) -> rows.add(row("VE", "Ventes", n, d.issueDate(), account,
                account.equals(accounts.get("penalties")) ? "Pénalités de retard"
                        : account.startsWith("709") ? "Rabais, remises et ristournes" : "Prestations de services", null, null,
                d.number(), d.issueDate(), what, credit ? amount : null, credit ? null : amount)));
        if (d.vatAmount().signum() != 0) {
            String account = accounts.vat(d.vatTreatment().rate());
            rows.add(row("VE", "Ventes", n, d.issueDate(), account, "TVA collectée", null, null, d.number(),
                    d.issueDate(), what, credit ? d.vatAmount() : null, credit ? null : d.vatAmount()));
        }
    }

    private static String row(String journal, String journalName, int number, LocalDate date, String account,
                              String accountName, String auxiliary, String auxiliaryName, String piece,
                              LocalDate pieceDate, String label, BigDecimal debit, BigDecimal credit) {
        return String.join("|", journal, journalName, String.format("%s%06d", journal, number), DAY.format(date),
                account, accountName, text(auxiliary), text(auxiliaryName), text(piece), DAY.format(pieceDate),
                text(label), amount(debit), amount(credit), "", "", DAY.format(date), "", "");
    }

    /** A text cell: the separator and line breaks cannot appear in it. */
    private static String text(String value) {
        return value == null ? "" : value.replace('|', '/').replace('\r', ' ').replace('\n', ' ');
    }

    private static String amount(BigDecimal value) {
        return com.outboundcalls.money.Money.atCents(value == null ? BigDecimal.ZERO : value).toPlainString()
                .replace('.', ',');
    }
}
