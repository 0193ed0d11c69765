package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.testing.InMemoryBilling;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvoiceRunFanOutTest {

    private static final Instant RUN = Instant.parse("2026-10-31T22:30:00Z");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String JOURNAL = InvoiceExports.journalKey(OCTOBER);

    private final InMemoryBilling.Directory billing = new InMemoryBilling.Directory();
    private final InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
    private final InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
    private final InMemoryBilling.RunLedger ledger = new InMemoryBilling.RunLedger();
    private final InMemoryBilling.RunTasks tasks = new InMemoryBilling.RunTasks();
    private final InvoiceRun run = new InvoiceRun(billing, new InMemoryPorts.RatedCalls(), invoices,
            InvoiceDocuments.NONE, exports, InvoiceCalculatorTest.RATES);
    private final InvoiceRunFanOut fanOut = new InvoiceRunFanOut(run, billing, ledger, tasks,
            Clock.fixed(RUN.plusSeconds(600), ZoneOffset.UTC), 3);

    private void accounts(int n) {
        for (int i = 1; i <= n; i++) {
            BillingAccount base = InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1));
            billing.with(new BillingAccount(String.format("c%02d", i), base.plan(), base.numbers(), base.users(),
                    base.licences(), base.subscribedOn(), null, base.identity(), 30));
        }
    }

    /** Delivers the queued tasks, in order, until none is left; returns how many ran. */
    private int deliverAll() {
        int delivered = 0;
        for (Object task = tasks.next(); task != null; task = tasks.next()) {
            deliver(task);
            delivered++;
        }
        return delivered;
    }

    private void deliver(Object task) {
        if (task instanceof InvoiceRunTasks.PlanPage page) {
            fanOut.plan(page);
        } else {
            fanOut.invoice((InvoiceRunTasks.InvoiceAccount) task);
        }
    }

    @Test
    void eachAccountIsItsOwnTaskAndTheJournalIsWrittenByTheLastOne() {
        accounts(7);

        InvoiceRunFanOut.start(ledger, tasks, RUN);
        // 3 pages of 3, 3 and 1 accounts, 7 account tasks.
        List<Object> seen = new ArrayList<>();
        for (Object task = tasks.next(); task != null; task = tasks.next()) {
            seen.add(task);
            boolean journalBefore = exports.exists(JOURNAL);
            deliver(task);
            if (task instanceof InvoiceRunTasks.InvoiceAccount account && !account.clientId().equals("c07")) {
                assertFalse(exports.exists(JOURNAL), "journal written before " + account.clientId());
            }
            assertFalse(journalBefore);
        }

        assertEquals(3, seen.stream().filter(t -> t instanceof InvoiceRunTasks.PlanPage).count());
        assertEquals(7, seen.stream().filter(t -> t instanceof InvoiceRunTasks.InvoiceAccount).count());
        assertEquals(7, invoices.allocated);
        assertTrue(exports.exists(JOURNAL));
        assertEquals(7, exports.text(JOURNAL).lines().filter(l -> l.contains("2026-0000")).count(),
                exports.text(JOURNAL));
        InvoiceRunLedger.Progress progress = ledger.progress(OCTOBER);
        assertEquals(new InvoiceRunLedger.Progress(7, 7, true, RUN.plusSeconds(600)), progress);
    }

    @Test
    void theFannedOutRunIssuesWhatTheRunInOneGoIssues() {
        accounts(5);
        InvoiceRunFanOut.start(ledger, tasks, RUN);
        deliverAll();
        List<String> fanned = new ArrayList<>();
        invoices.ofPeriod(OCTOBER).forEach(r -> fanned.add(r.invoice().number() + " " + r.invoice().clientId()
                + " " + r.invoice().totalInclVat()));

        InMemoryBilling.Invoices inOneGo = new InMemoryBilling.Invoices();
        new InvoiceRun(billing, new InMemoryPorts.RatedCalls(), inOneGo, InvoiceDocuments.NONE,
                new InMemoryPorts.Objects(), InvoiceCalculatorTest.RATES).run(RUN);
        List<String> sequential = new ArrayList<>();
        inOneGo.ofPeriod(OCTOBER).forEach(r -> sequential.add(r.invoice().number() + " " + r.invoice().clientId()
                + " " + r.invoice().totalInclVat()));

        assertEquals(sequential, fanned);
    }

    @Test
    void everyTaskDeliveredTwiceCountsOnceAndIssuesNothingTwice() {
        accounts(5);
        InvoiceRunFanOut.start(ledger, tasks, RUN);
        for (Object task = tasks.next(); task != null; task = tasks.next()) {
            deliver(task);
            deliver(task);
        }

        assertEquals(5, invoices.allocated);
        assertEquals(new InvoiceRunLedger.Progress(5, 5, true, RUN.plusSeconds(600)), ledger.progress(OCTOBER));
        // Numbers without gap: 1 to 5.
        TreeSet<String> numbers = new TreeSet<>();
        invoices.ofPeriod(OCTOBER).forEach(r -> numbers.add(r.invoice().number()));
        assertEquals(new TreeSet<>(List.of("2026-000001", "2026-000002", "2026-000003", "2026-000004",
                "2026-000005")), numbers);
    }

    @Test
    void theLastAccountsTaskThatFailedBeforeClosingClosesTheRunWhenDeliveredAgain() {
        accounts(2);
        InMemoryPorts.Objects failingOnce = new InMemoryPorts.Objects() {
            boolean failed;

            @Override
            public void put(String key, byte[] content, String contentType) {
                if (key.equals(JOURNAL) && !failed) {
                    failed = true;
                    throw new IllegalStateException("S3 unavailable");
                }
                super.put(key, content, contentType);
            }
        };
        InvoiceRunFanOut failing = new InvoiceRunFanOut(new InvoiceRun(billing, new InMemoryPorts.RatedCalls(),
                invoices, InvoiceDocuments.NONE, failingOnce, InvoiceCalculatorTest.RATES), billing, ledger, tasks,
                Clock.fixed(RUN, ZoneOffset.UTC), 3);
        InvoiceRunFanOut.start(ledger, tasks, RUN);
        failing.plan((InvoiceRunTasks.PlanPage) tasks.next());
        failing.invoice((InvoiceRunTasks.InvoiceAccount) tasks.next());
        InvoiceRunTasks.InvoiceAccount last = (InvoiceRunTasks.InvoiceAccount) tasks.next();

        assertThrows(IllegalStateException.class, () -> failing.invoice(last));
        assertNull(ledger.progress(OCTOBER).finishedAt());
        assertFalse(failingOnce.exists(JOURNAL));

        assertTrue(failing.invoice(last).closedRun());
        assertTrue(failingOnce.exists(JOURNAL));
        assertEquals(2, invoices.allocated);
        // Delivered once more after the run finished: nothing is closed again.
        assertFalse(failing.invoice(last).closedRun());
    }

    @Test
    void aRunWithNoBillingAccountClosesAtItsOnlyPage() {
        InvoiceRunFanOut.start(ledger, tasks, RUN);
        InvoiceRunFanOut.Planned planned = fanOut.plan((InvoiceRunTasks.PlanPage) tasks.next());

        assertTrue(planned.last());
        assertTrue(planned.closedRun());
        assertNull(tasks.next());
        assertTrue(exports.exists(JOURNAL));
    }

    @Test
    void aClientWithoutBillingAccountIsReportedByThePageThatHoldsItAndASectionIsNot() {
        accounts(2);
        billing.sections.put("c01", List.of(new BillingDirectory.Section("c01-lyon", "Lyon")));
        billing.unbilledClients.add("c00-forgotten");

        InvoiceRunFanOut.start(ledger, tasks, RUN);
        InvoiceRunFanOut.Planned first = fanOut.plan((InvoiceRunTasks.PlanPage) tasks.next());

        // The page: c00-forgotten, c01, c01-lyon; the next: c02.
        assertEquals(List.of("c00-forgotten"), first.clientsWithoutBillingAccount());
        assertEquals(1, first.accounts());
        assertFalse(first.last());
        deliverAll();
        assertEquals(2, invoices.allocated);
        assertTrue(exports.exists(JOURNAL));
    }

    @Test
    void aTaskForAClientWithoutBillingAccountCountsNothingAndCannotCloseTheRun() {
        accounts(2);
        InvoiceRunFanOut.start(ledger, tasks, RUN);
        fanOut.plan((InvoiceRunTasks.PlanPage) tasks.next());
        fanOut.invoice((InvoiceRunTasks.InvoiceAccount) tasks.next());

        InvoiceRunFanOut.Invoiced forged = fanOut.invoice(new InvoiceRunTasks.InvoiceAccount(RUN, "nobody"));

        assertTrue(forged.result().isEmpty());
        assertFalse(forged.closedRun());
        assertEquals(new InvoiceRunLedger.Progress(2, 1, true, null), ledger.progress(OCTOBER));
        assertFalse(exports.exists(JOURNAL));
        deliverAll();
        assertTrue(exports.exists(JOURNAL));
    }

    @Test
    void theNextMorningsRecheckQueuesALostTaskAgainWithTheRunsTimeAndSkipsTheAccountsDone() {
        accounts(3);
        InvoiceRunFanOut.start(ledger, tasks, RUN);
        fanOut.plan((InvoiceRunTasks.PlanPage) tasks.next());
        InvoiceRunTasks.InvoiceAccount lost = (InvoiceRunTasks.InvoiceAccount) tasks.next();
        deliverAll();
        assertNull(ledger.progress(OCTOBER).finishedAt());
        assertEquals(2, invoices.allocated);

        // 1 November, 01:30 Paris.
        assertEquals(java.util.Optional.of(OCTOBER), InvoiceRunFanOut.start(ledger, tasks,
                Instant.parse("2026-11-01T00:30:00Z")));
        List<InvoiceRunFanOut.Invoiced> invoiced = new ArrayList<>();
        fanOut.plan((InvoiceRunTasks.PlanPage) tasks.next());
        for (Object task = tasks.next(); task != null; task = tasks.next()) {
            InvoiceRunTasks.InvoiceAccount account = (InvoiceRunTasks.InvoiceAccount) task;
            assertEquals(RUN, account.scheduledTime(), "the run's own time, not the recheck's");
            invoiced.add(fanOut.invoice(account));
        }

        assertEquals(3, invoices.allocated);
        assertEquals(1, invoiced.stream().filter(i -> i.result().isPresent()).count(), "only the lost one");
        assertEquals(LocalDate.of(2026, 10, 31), invoices.find(lost.clientId(), OCTOBER).orElseThrow().issueDate());
        assertTrue(exports.exists(JOURNAL));
        assertEquals(java.util.Optional.empty(), InvoiceRunFanOut.start(ledger, tasks,
                Instant.parse("2026-11-01T01:30:00Z")), "a finished run is left alone");
        assertNull(tasks.next());
    }
}
