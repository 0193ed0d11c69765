package com.outboundcalls.invoice;

import com.outboundcalls.files.FileInParts;
import com.outboundcalls.files.LatestRewrites;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.files.StepsInProcess;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The month's files that list all its documents: the journal (with the European services declaration) and the
 * accounting entries (FEC). Each is rewritten in steps of a page of documents, whatever the number of clients:
 * a step reads its page from where the last one stopped, appends its lines ({@link FileInParts}) and hands the
 * next step on. The file appears whole when the last step finishes it; until then the previous one stays.
 *
 * <p>A change of a month's documents starts a rewrite of their files; a rewrite started later supersedes one in
 * progress, which stops at its next step. A step delivered twice writes the same tail and parts again, and the
 * second completion of the same file finds nothing left to do.
 */
public final class FinanceExports {

    /** How many documents, or entries, one step reads. */
    public static final int PAGE_SIZE = 500;

    /** The files rewritten in steps. */
    public enum File { JOURNAL, ACCOUNTING }

    /**
     * A step of a file's rewrite: which file, of which month, statuses as of which day (the journal's), which
     * rewrite ({@code chain}) and its step's index; then where the previous step stopped: the store's cursor, the
     * file written so far, the entries numbered so far (the FEC's), and the reverse-charge amounts per taker summed
     * so far (the declaration's).
     */
    public record Step(File file, YearMonth month, LocalDate asOf, String chain, int index, String cursor,
                       FileInParts.Written written, int entries, Map<String, BigDecimal> reverseCharge) {

        public Step {
            reverseCharge = Map.copyOf(reverseCharge);
        }
    }

    /** Where steps are handed on: a queue in production. */
    public interface Steps {
        void next(Step step);
    }

    /** What a step did. */
    public enum Outcome {
        /** Appended its page and handed the next step on. */
        CONTINUED,
        /** Appended the last page: the file is whole. */
        FINISHED,
        /** A later rewrite of the file was started: this one stopped. */
        SUPERSEDED,
        /** The file's upload was completed or abandoned already: a step taken again. */
        DONE_BEFORE
    }

    private final InvoiceStore invoices;
    private final ObjectSink exports;
    private final FileInParts parts;
    private final AccountingEntries.Accounts accounts;
    private final Steps steps;
    private final LatestRewrites rewrites;
    private final int pageSize;

    public FinanceExports(InvoiceStore invoices, ObjectSink exports, AccountingEntries.Accounts accounts, Steps steps,
                          LatestRewrites rewrites) {
        this(invoices, exports, accounts, steps, rewrites, PAGE_SIZE, ObjectSink.MIN_PART_SIZE);
    }

    public FinanceExports(InvoiceStore invoices, ObjectSink exports, AccountingEntries.Accounts accounts, Steps steps,
                          LatestRewrites rewrites, int pageSize, int partSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a step reads at least one document");
        }
        this.invoices = invoices;
        this.exports = exports;
        this.parts = new FileInParts(exports, partSize);
        this.accounts = accounts;
        this.steps = steps;
        this.rewrites = rewrites;
        this.pageSize = pageSize;
    }

    /**
     * The files rewritten to their end within the caller's invocation, each step after the other: for a store
     * small enough to read at once (the tests', a single client's).
     */
    public static FinanceExports inProcess(InvoiceStore invoices, ObjectSink exports,
                                           AccountingEntries.Accounts accounts, int pageSize, int partSize) {
        StepsInProcess<Step> chain = new StepsInProcess<>();
        FinanceExports writer = new FinanceExports(invoices, exports, accounts, chain::next, LatestRewrites.inMemory(),
                pageSize, partSize);
        chain.takenBy(writer::take);
        return writer;
    }

    public static FinanceExports inProcess(InvoiceStore invoices, ObjectSink exports,
                                           AccountingEntries.Accounts accounts) {
        return inProcess(invoices, exports, accounts, PAGE_SIZE, ObjectSink.MIN_PART_SIZE);
    }

    /** Starts rewriting a billing month's journal, each document's status as of {@code asOf}. */
    public void rewriteJournal(YearMonth period, LocalDate asOf) {
        start(File.JOURNAL, period, asOf);
    }

    /** Starts rewriting a month's accounting entries: the documents issued and the payments received in it. */
    public void rewriteAccounting(YearMonth month) {
        start(File.ACCOUNTING, month, null);
    }

    private void start(File file, YearMonth month, LocalDate asOf) {
        String chain = UUID.randomUUID().toString();
        rewrites.started(key(file, month), chain);
        steps.next(new Step(file, month, asOf, chain, 0, null, FileInParts.Written.NOTHING, 0, Map.of()));
    }

    /** Where a month's file is. */
    public static String key(File file, YearMonth month) {
        return file == File.JOURNAL ? InvoiceExports.journalKey(month) : InvoiceExports.fecKey(month);
    }

    /** Where a step leaves the lines that do not fill a part, for the next one. */
    static String tailKey(Step step) {
        return "exports/parts/" + step.chain() + "/" + step.index();
    }

    /** Takes one step of a rewrite. */
    public Outcome take(Step step) {
        String key = key(step.file(), step.month());
        if (!rewrites.latest(key).map(step.chain()::equals).orElse(false)) {
            parts.abandon(key, step.written());
            return Outcome.SUPERSEDED;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        String next;
        int entries = step.entries();
        Map<String, BigDecimal> reverseCharge = new TreeMap<>(step.reverseCharge());
        if (step.file() == File.JOURNAL) {
            if (step.index() == 0) {
                lines.writeBytes(FinanceJournal.header());
            }
            InvoiceStore.Page<Receivable> page = invoices.ofPeriod(step.month(), step.cursor(), pageSize);
            lines.writeBytes(FinanceJournal.rows(page.items(), step.asOf()));
            EuropeanServicesDeclaration.amounts(page.items()).forEach((taker, amount) ->
                    reverseCharge.merge(taker, amount, BigDecimal::add));
            next = page.next();
        } else {
            if (step.index() == 0) {
                lines.writeBytes(AccountingEntries.header());
            }
            InvoiceStore.Page<AccountingEntries.Entry> page = invoices.accountingEntries(step.month(), step.cursor(),
                    pageSize);
            lines.writeBytes(AccountingEntries.rows(page.items(), entries + 1, accounts));
            entries += page.items().size();
            next = page.next();
        }
        String type = step.file() == File.JOURNAL ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
        int numbered = entries;
        String cursor = next;
        try {
            if (!parts.step(key, type, step.written(), lines.toByteArray(), tailKey(step), cursor == null,
                    written -> steps.next(new Step(step.file(), step.month(), step.asOf(), step.chain(),
                            step.index() + 1, cursor, written, numbered, reverseCharge)))) {
                return Outcome.CONTINUED;
            }
        } catch (ObjectSink.GoneException e) {
            return Outcome.DONE_BEFORE;
        }
        if (step.file() == File.JOURNAL && !reverseCharge.isEmpty()) {
            exports.put(InvoiceExports.desKey(step.month()), EuropeanServicesDeclaration.csv(reverseCharge),
                    "text/csv; charset=utf-8");
        }
        return Outcome.FINISHED;
    }
}
