package com.outboundcalls.testing;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.invoice.AccountSuspensions;
import com.outboundcalls.invoice.BillingDirectory;
import com.outboundcalls.invoice.Dispute;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceStore;
import com.outboundcalls.invoice.LatePenalty;
import com.outboundcalls.invoice.Payment;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.invoice.Receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Billing's ports in memory, with the same rules as the DynamoDB adapters (numbering, idempotency keys). */
public final class InMemoryBilling {

    private InMemoryBilling() {
    }

    public static final Provider PROVIDER = new Provider(new LegalEntity("Appels Sortants SAS",
            "10 rue de la Paix", "75002", "Paris", "FR", "732829320", LegalEntity.frenchVatNumber("732829320")),
            "SAS au capital de 50 000 EUR", "RCS Paris 732 829 320", "FR7630006000011234567890189", "AGRIFRPP",
            "facturation@example.fr");

    public static LegalEntity client(String name) {
        return new LegalEntity(name, "1 place Bellecour", "69002", "Lyon", "FR", "542107651",
                LegalEntity.frenchVatNumber("542107651"));
    }

    /** Billing accounts, the provider, and account statuses for suspension. */
    public static final class Directory implements BillingDirectory, AccountSuspensions {
        public final Map<String, BillingAccount> accounts = new TreeMap<>();
        public final Map<String, Client.AccountStatus> statuses = new HashMap<>();
        public final Map<String, String> suspendedFor = new HashMap<>();
        public final Map<String, List<Section>> sections = new TreeMap<>();
        /** Clients the directory holds without a billing account of their own nor a section. */
        public final java.util.Set<String> unbilledClients = new java.util.TreeSet<>();

        /** Pages of {@code size} clients in client order; the cursor is the first client id of the page. */
        @Override
        public Page page(String cursor, int size) {
            TreeMap<String, ClientEntry> clients = new TreeMap<>();
            accounts.keySet().forEach(id -> clients.put(id, new ClientEntry(id, null)));
            sections.forEach((parent, list) -> list.forEach(s -> clients.put(s.clientId(),
                    new ClientEntry(s.clientId(), parent))));
            unbilledClients.forEach(id -> clients.put(id, new ClientEntry(id, null)));
            List<ClientEntry> entries = new ArrayList<>((cursor == null ? clients : clients.tailMap(cursor, true))
                    .values());
            List<ClientEntry> onPage = entries.subList(0, Math.min(size, entries.size()));
            String next = entries.size() > size ? entries.get(size).clientId() : null;
            List<BillingAccount> pageAccounts = onPage.stream().map(c -> accounts.get(c.clientId()))
                    .filter(java.util.Objects::nonNull).toList();
            return new Page(pageAccounts, List.copyOf(onPage), next);
        }

        @Override
        public Map<String, List<Section>> sectionsByParent() {
            return sections;
        }

        public Directory with(BillingAccount account) {
            accounts.put(account.clientId(), account);
            statuses.put(account.clientId(), Client.AccountStatus.ACTIVE);
            return this;
        }

        @Override
        public Optional<BillingAccount> account(String clientId) {
            return Optional.ofNullable(accounts.get(clientId));
        }

        @Override
        public List<BillingAccount> accounts() {
            return List.copyOf(accounts.values());
        }

        @Override
        public Provider provider() {
            return PROVIDER;
        }

        @Override
        public boolean suspendForNonPayment(String clientId, String reason) {
            if (statuses.get(clientId) != Client.AccountStatus.ACTIVE) {
                return false;
            }
            statuses.put(clientId, Client.AccountStatus.SUSPENDED);
            suspendedFor.put(clientId, reason);
            return true;
        }

        @Override
        public boolean liftNonPaymentSuspension(String clientId) {
            if (suspendedFor.remove(clientId) == null) {
                return false;
            }
            statuses.put(clientId, Client.AccountStatus.ACTIVE);
            return true;
        }

        @Override
        public boolean isSuspendedForNonPayment(String clientId) {
            return suspendedFor.containsKey(clientId);
        }

        @Override
        public Optional<java.time.LocalDate> subscribedOn(String clientId) {
            return account(clientId).map(BillingAccount::subscribedOn);
        }

        /** The cursor is the last client of the page: pages follow client ids. */
        @Override
        public InvoiceStore.Page<String> suspendedForNonPayment(String cursor, int limit) {
            List<String> after = new TreeMap<>(suspendedFor).keySet().stream()
                    .filter(c -> cursor == null || c.compareTo(cursor) > 0).toList();
            List<String> page = after.subList(0, Math.min(limit, after.size()));
            return new InvoiceStore.Page<>(page, after.size() > limit ? page.get(page.size() - 1) : null);
        }

        @Override
        public List<String> invoicedOn(String parentClientId) {
            return sections.getOrDefault(parentClientId, List.of()).stream().map(Section::clientId).toList();
        }

        /** A sub-account invoiced on its parent's invoice, able to call until suspended. */
        public Directory withSection(String parentClientId, String clientId) {
            sections.computeIfAbsent(parentClientId, k -> new java.util.ArrayList<>()).add(new Section(clientId, clientId));
            statuses.put(clientId, Client.AccountStatus.ACTIVE);
            return this;
        }
    }

    /** Documents and receivables, numbered per year and kind like the DynamoDB store. */
    public static final class Invoices implements InvoiceStore {
        private final Map<String, Receivable> byNumber = new LinkedHashMap<>();
        private final Map<String, String> invoiceByClientMonth = new HashMap<>();
        private final Map<String, String> creditByReference = new HashMap<>();
        private final Map<String, Payment> payments = new HashMap<>();
        private final Map<String, Long> sequences = new HashMap<>();
        public int allocated;

        @Override
        public synchronized Optional<Invoice> find(String clientId, YearMonth period) {
            return Optional.ofNullable(invoiceByClientMonth.get(clientId + "#" + period))
                    .map(n -> byNumber.get(n).invoice());
        }

        @Override
        public synchronized Invoice issue(Invoice draft) {
            String key = draft.clientId() + "#" + draft.period();
            if (invoiceByClientMonth.containsKey(key)) {
                return byNumber.get(invoiceByClientMonth.get(key)).invoice();
            }
            Invoice numbered = draft.withNumber(next("%d-%06d", "", draft.issueDate().getYear()));
            byNumber.put(numbered.number(), Receivable.issued(numbered));
            invoiceByClientMonth.put(key, numbered.number());
            return numbered;
        }

        private String next(String format, String kind, int year) {
            allocated++;
            return String.format(format, year, sequences.merge(kind + year, 1L, Long::sum));
        }

        @Override
        public synchronized Optional<Receivable> receivable(String number) {
            return Optional.ofNullable(byNumber.get(number));
        }

        @Override
        public synchronized List<Receivable> ofPeriod(YearMonth period) {
            return byNumber.values().stream().filter(r -> r.invoice().period().equals(period))
                    .sorted(Comparator.comparing(r -> r.invoice().number())).toList();
        }

        @Override
        public synchronized Page<Receivable> ofPeriod(YearMonth period, String cursor, int limit) {
            List<Receivable> after = ofPeriod(period).stream()
                    .filter(r -> cursor == null || r.invoice().number().compareTo(cursor) > 0).toList();
            List<Receivable> page = after.subList(0, Math.min(limit, after.size()));
            return new Page<>(page, after.size() > limit ? page.get(page.size() - 1).invoice().number() : null);
        }

        @Override
        public synchronized Page<com.outboundcalls.invoice.AccountingEntries.Entry> accountingEntries(
                YearMonth month, String cursor, int limit) {
            List<com.outboundcalls.invoice.AccountingEntries.Entry> all = new ArrayList<>();
            byNumber.values().stream().map(Receivable::invoice).filter(i -> YearMonth.from(i.issueDate()).equals(month))
                    .forEach(i -> all.add(new com.outboundcalls.invoice.AccountingEntries.Sale(i)));
            paymentsReceivedIn(month).forEach(p -> all.add(new com.outboundcalls.invoice.AccountingEntries.PaymentOf(
                    p, byNumber.get(p.invoiceNumber()).invoice())));
            List<com.outboundcalls.invoice.AccountingEntries.Entry> after = all.stream()
                    .sorted(com.outboundcalls.invoice.AccountingEntries.ORDER)
                    .filter(e -> cursor == null || com.outboundcalls.invoice.AccountingEntries.sortKey(e)
                            .compareTo(cursor) > 0).toList();
            List<com.outboundcalls.invoice.AccountingEntries.Entry> page = after.subList(0, Math.min(limit,
                    after.size()));
            return new Page<>(page, after.size() > limit
                    ? com.outboundcalls.invoice.AccountingEntries.sortKey(page.get(page.size() - 1)) : null);
        }

        private final Map<String, String> claimByInvoice = new HashMap<>();

        @Override
        public synchronized Invoice issuePenaltyClaim(Invoice draft) {
            String earlier = claimByInvoice.get(draft.corrects());
            if (earlier != null) {
                return byNumber.get(earlier).invoice();
            }
            Invoice numbered = draft.withNumber(next("PEN-%d-%06d", "PENALTY", draft.issueDate().getYear()));
            byNumber.put(numbered.number(), Receivable.issued(numbered));
            claimByInvoice.put(draft.corrects(), numbered.number());
            return numbered;
        }

        public synchronized List<Payment> paymentsReceivedIn(YearMonth month) {
            return payments.values().stream().filter(p -> YearMonth.from(p.receivedOn()).equals(month)).toList();
        }

        @Override
        public synchronized List<Receivable> unpaid() {
            return byNumber.values().stream().filter(r -> !r.invoice().isCreditNote() && r.settledOn() == null)
                    .sorted(Comparator.comparing(r -> r.invoice().dueDate())).toList();
        }

        /** How many times every overdue invoice was read at once. */
        public int overdueReads;

        @Override
        public synchronized List<Receivable> unpaidDueBefore(java.time.LocalDate day) {
            overdueReads++;
            return unpaid().stream().filter(r -> r.invoice().dueDate().isBefore(day)).toList();
        }

        /** How many months of one client's invoices were read by key. */
        public int monthsReadByKey;

        @Override
        public synchronized List<Receivable> unpaidOf(String clientId, YearMonth from, YearMonth through) {
            if (from.isAfter(through)) {
                return List.of();
            }
            monthsReadByKey += (int) from.until(through, java.time.temporal.ChronoUnit.MONTHS) + 1;
            return unpaid().stream().filter(r -> r.invoice().type() == Invoice.Type.INVOICE
                            && r.invoice().clientId().equals(clientId) && !r.invoice().period().isBefore(from)
                            && !r.invoice().period().isAfter(through)).toList();
        }

        /** The cursor is the last document's due date and number: the pages follow due date, then number. */
        @Override
        public synchronized Page<Receivable> unpaidDueBefore(java.time.LocalDate day, String cursor, int limit) {
            List<Receivable> after = unpaidDueBefore(day).stream()
                    .sorted(Comparator.comparing((Receivable r) -> r.invoice().dueDate())
                            .thenComparing(r -> r.invoice().number()))
                    .filter(r -> cursor == null || key(r).compareTo(cursor) > 0).toList();
            List<Receivable> page = after.subList(0, Math.min(limit, after.size()));
            return new Page<>(page, after.size() > limit ? key(page.get(page.size() - 1)) : null);
        }

        private static String key(Receivable r) {
            return r.invoice().dueDate() + "#" + r.invoice().number();
        }

        @Override
        public synchronized Invoice issueCreditNote(Invoice draft, String reference, BigDecimal creditedBefore) {
            String key = draft.corrects() + "#" + reference;
            if (creditByReference.containsKey(key)) {
                return byNumber.get(creditByReference.get(key)).invoice();
            }
            Receivable corrected = byNumber.get(draft.corrects());
            if (corrected.creditedExclVat().compareTo(creditedBefore) != 0) {
                throw new ConcurrentModificationException("credited meanwhile");
            }
            Invoice numbered = draft.withNumber(next("AV-%d-%06d", "CREDIT", draft.issueDate().getYear()));
            byNumber.put(numbered.number(), Receivable.issued(numbered));
            creditByReference.put(key, numbered.number());
            Receivable updated = new Receivable(corrected.invoice(), corrected.paid(),
                    corrected.creditedExclVat().add(draft.totalExclVat()),
                    corrected.creditedInclVat().add(draft.totalInclVat()), corrected.settledOn(), corrected.dispute(),
                    corrected.penalty(), corrected.payments());
            byNumber.put(corrected.invoice().number(), settle(updated, draft.issueDate()));
            return numbered;
        }

        private static Receivable settle(Receivable r, LocalDate on) {
            if (r.settledOn() == null && r.outstanding().signum() <= 0) {
                return new Receivable(r.invoice(), r.paid(), r.creditedExclVat(), r.creditedInclVat(), on,
                        r.dispute(), r.penalty(), r.payments());
            }
            return r;
        }

        @Override
        public synchronized Optional<Invoice> creditNote(String invoiceNumber, String reference) {
            return Optional.ofNullable(creditByReference.get(invoiceNumber + "#" + reference))
                    .map(n -> byNumber.get(n).invoice());
        }

        @Override
        public synchronized Payment.Outcome recordPayment(Payment payment) {
            Receivable r = byNumber.get(payment.invoiceNumber());
            if (r == null) {
                return Payment.Outcome.UNKNOWN_INVOICE;
            }
            Payment earlier = payments.get(payment.bankReference());
            if (earlier != null) {
                boolean same = earlier.invoiceNumber().equals(payment.invoiceNumber())
                        && earlier.amount().compareTo(payment.amount()) == 0
                        && earlier.receivedOn().equals(payment.receivedOn());
                return same ? Payment.Outcome.ALREADY_RECORDED : Payment.Outcome.CONFLICT;
            }
            payments.put(payment.bankReference(), payment);
            List<Payment> listed = new ArrayList<>(r.payments());
            listed.add(payment);
            byNumber.put(payment.invoiceNumber(), settle(new Receivable(r.invoice(), r.paid().add(payment.amount()),
                    r.creditedExclVat(), r.creditedInclVat(), r.settledOn(), r.dispute(), r.penalty(), listed),
                    payment.receivedOn()));
            return Payment.Outcome.RECORDED;
        }

        @Override
        public synchronized Dispute.Outcome recordDispute(String invoiceNumber, Dispute dispute) {
            Receivable r = byNumber.get(invoiceNumber);
            if (r == null) {
                return Dispute.Outcome.UNKNOWN_INVOICE;
            }
            if (r.disputed()) {
                return Dispute.Outcome.ALREADY_OPEN;
            }
            byNumber.put(invoiceNumber, new Receivable(r.invoice(), r.paid(), r.creditedExclVat(),
                    r.creditedInclVat(), r.settledOn(), dispute, r.penalty(), r.payments()));
            return Dispute.Outcome.RECORDED;
        }

        @Override
        public synchronized boolean resolveDispute(String invoiceNumber, LocalDate resolvedOn) {
            Receivable r = byNumber.get(invoiceNumber);
            if (r == null || !r.disputed()) {
                return false;
            }
            byNumber.put(invoiceNumber, new Receivable(r.invoice(), r.paid(), r.creditedExclVat(),
                    r.creditedInclVat(), r.settledOn(), new Dispute(r.dispute().filedOn(), r.dispute().reason(),
                    resolvedOn), r.penalty(), r.payments()));
            return true;
        }

        @Override
        public synchronized void recordPenalty(String invoiceNumber, LatePenalty penalty) {
            Receivable r = byNumber.get(invoiceNumber);
            byNumber.put(invoiceNumber, new Receivable(r.invoice(), r.paid(), r.creditedExclVat(),
                    r.creditedInclVat(), r.settledOn(), r.dispute(), penalty, r.payments()));
        }

        public synchronized List<Invoice> all() {
            List<Invoice> all = new ArrayList<>();
            byNumber.values().forEach(r -> all.add(r.invoice()));
            return all;
        }
    }

    /** The fanned-out run's record, with the same counting rules as the DynamoDB ledger. */
    public static final class RunLedger implements com.outboundcalls.invoice.InvoiceRunLedger {
        private final Map<YearMonth, java.time.Instant> opened = new HashMap<>();
        private final Map<YearMonth, java.util.Set<Integer>> pages = new HashMap<>();
        private final Map<YearMonth, java.util.Set<String>> done = new HashMap<>();
        private final Map<YearMonth, Long> expected = new HashMap<>();
        private final java.util.Set<YearMonth> planningComplete = new java.util.HashSet<>();
        private final Map<YearMonth, java.time.Instant> finished = new HashMap<>();
        public int closings;

        @Override
        public synchronized java.time.Instant open(YearMonth period, java.time.Instant scheduledTime) {
            return opened.computeIfAbsent(period, p -> scheduledTime);
        }

        @Override
        public synchronized boolean isDone(YearMonth period, String clientId) {
            return done.getOrDefault(period, java.util.Set.of()).contains(clientId);
        }

        @Override
        public synchronized boolean planned(YearMonth period, int page, int accounts, boolean last) {
            if (!pages.computeIfAbsent(period, p -> new java.util.HashSet<>()).add(page)) {
                return false;
            }
            expected.merge(period, (long) accounts, Long::sum);
            if (last) {
                planningComplete.add(period);
            }
            return true;
        }

        @Override
        public synchronized Progress done(YearMonth period, String clientId) {
            done.computeIfAbsent(period, p -> new java.util.HashSet<>()).add(clientId);
            return progress(period);
        }

        @Override
        public synchronized Progress progress(YearMonth period) {
            return new Progress(expected.getOrDefault(period, 0L), done.getOrDefault(period, java.util.Set.of()).size(),
                    planningComplete.contains(period), finished.get(period));
        }

        @Override
        public synchronized void finished(YearMonth period, java.time.Instant at) {
            closings++;
            finished.putIfAbsent(period, at);
        }
    }

    /** The run's queue in memory: tasks wait until a test delivers them. */
    public static final class RunTasks implements com.outboundcalls.invoice.InvoiceRunTasks {
        public final java.util.Deque<Object> queued = new java.util.ArrayDeque<>();

        @Override
        public synchronized void plan(PlanPage task) {
            queued.add(task);
        }

        @Override
        public synchronized void invoice(List<InvoiceAccount> tasks) {
            queued.addAll(tasks);
        }

        public synchronized Object next() {
            return queued.poll();
        }
    }
}
