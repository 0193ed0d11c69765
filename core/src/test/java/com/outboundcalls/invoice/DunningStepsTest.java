package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.Client;
import com.outboundcalls.testing.InMemoryBilling;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A day's dunning in steps of a few invoices, then of a few suspended clients, as the function runs it. */
class DunningStepsTest {

    private static final LegalInterestRates RATES = LegalInterestRates.parse("2026-H2=3.00,2027-H1=3.50");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    private static final int GRACE_DAYS = 15;
    private static final LocalDate PAST_GRACE = DUE.plusDays(GRACE_DAYS + 1);
    private static final int CLIENTS = 7;

    private final InMemoryBilling.Directory billing = new InMemoryBilling.Directory();
    private final InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
    private final InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
    private final InvoicePublisher publisher = new InvoicePublisher(invoices, InvoiceDocuments.NONE, exports);
    private final BehindClients behind = BehindClients.inMemory();
    private final Dunning dunning = new Dunning(invoices, billing, RATES, GRACE_DAYS, publisher, behind, 2);

    @BeforeEach
    void sevenClientsWithAnOctoberInvoiceDueFirstDecember() {
        BillingAccount base = InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1));
        for (int i = 1; i <= CLIENTS; i++) {
            billing.with(new BillingAccount("c" + i, base.plan(), base.numbers(), base.users(), base.licences(),
                    base.subscribedOn(), null, base.identity(), 30));
        }
        new InvoiceRun(billing, new InMemoryPorts.RatedCalls(), invoices, InvoiceDocuments.NONE, exports, RATES)
                .run(Instant.parse("2026-11-01T05:00:00Z"));
        assertEquals(CLIENTS, invoices.unpaidDueBefore(PAST_GRACE).size());
        exports.objects.remove(JOURNAL);
    }

    private static final String JOURNAL = InvoiceExports.journalKey(YearMonth.of(2026, 10));

    private List<Dunning.Outcome> allSteps(LocalDate day) {
        List<Dunning.Outcome> outcomes = new ArrayList<>();
        Optional<Dunning.Step> step = Optional.of(dunning.start(day, "run-" + day));
        while (step.isPresent()) {
            assertTrue(!exports.objects.containsKey(JOURNAL), "the month's journal is rewritten by the last step");
            Dunning.Outcome outcome = dunning.step(step.get());
            outcomes.add(outcome);
            step = outcome.next();
        }
        return outcomes;
    }

    @Test
    void eachStepReadsAPageAndTheStepsTogetherSuspendEveryClientBehind() {
        List<Dunning.Outcome> steps = allSteps(PAST_GRACE);
        // Seven invoices two at a time, then the seven suspended clients two at a time.
        assertEquals(4 + 4, steps.size());
        assertEquals(List.of(2, 2, 2, 1), steps.subList(0, 4).stream().map(o -> o.result().overdue()).toList());
        List<String> suspended = steps.stream().flatMap(o -> o.result().suspended().stream()).sorted().toList();
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7"), suspended);
        assertTrue(steps.stream().allMatch(o -> o.result().lifted().isEmpty()), "nobody behind is lifted");
        assertTrue(exports.objects.containsKey(JOURNAL), "the month's journal, rewritten at the last step");
    }

    @Test
    void aClientWhoPaidIsLiftedByTheNextDaysStepsWhateverThePageItFallsIn() {
        allSteps(PAST_GRACE);
        exports.objects.remove(JOURNAL);
        for (String paid : List.of("c2", "c7")) {
            Invoice invoice = invoices.find(paid, YearMonth.of(2026, 10)).orElseThrow();
            invoices.recordPayment(new Payment(invoice.number(), invoice.totalInclVat(), PAST_GRACE, "bank-" + paid));
        }
        List<Dunning.Outcome> next = allSteps(PAST_GRACE.plusDays(1));
        List<String> lifted = next.stream().flatMap(o -> o.result().lifted().stream()).sorted().toList();
        assertEquals(List.of("c2", "c7"), lifted);
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c7"));
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c6"));
        assertEquals(new TreeSet<>(List.of("c1", "c3", "c4", "c5", "c6")), new TreeSet<>(billing.suspendedFor.keySet()));
    }

    @Test
    void eachStepOfARunCarriesTheRunAndItsPlaceInItSoThatAStepHandedOnTwiceIsKnownForTheSame() {
        List<String> ids = new ArrayList<>();
        Optional<Dunning.Step> step = Optional.of(dunning.start(PAST_GRACE, "morning"));
        while (step.isPresent()) {
            ids.add(step.get().id());
            step = dunning.step(step.get()).next();
        }
        assertEquals(List.of("morning/0", "morning/1", "morning/2", "morning/3", "morning/4", "morning/5",
                "morning/6", "morning/7"), ids);
        // Taken again, a step hands on a step of the same identity; another run's steps are other steps.
        Dunning.Step first = dunning.start(PAST_GRACE, "morning");
        assertEquals(dunning.step(first).next().orElseThrow().id(), dunning.step(first).next().orElseThrow().id());
        assertEquals("again/1", dunning.step(dunning.start(PAST_GRACE, "again")).next().orElseThrow().id());
    }

    @Test
    void aStepDeliveredTwiceChangesNothingMore() {
        Dunning.Step first = dunning.start(PAST_GRACE, "morning");
        Dunning.Outcome once = dunning.step(first);
        Dunning.Outcome again = dunning.step(first);
        assertEquals(List.of("c1", "c2"), once.result().suspended());
        assertEquals(List.of(), again.result().suspended(), "already suspended");
        assertEquals(once.next(), again.next(), "the same step follows");
        LatePenalty penalty = invoices.receivable(invoices.find("c1", YearMonth.of(2026, 10)).orElseThrow().number())
                .orElseThrow().penalty();
        assertEquals(GRACE_DAYS + 1, penalty.daysLate(), "the day's penalty, not two");
    }

    @Test
    void theStepsTogetherDoWhatTheWholeRunDoes() {
        Dunning.Result stepped = new Dunning(invoices, billing, RATES, GRACE_DAYS, publisher, behind, 3)
                .run(DUE.plusDays(3));
        assertEquals(CLIENTS, stepped.overdue());
        assertEquals(CLIENTS, stepped.warnings().size(), "each client warned within the grace period");
        assertEquals(List.of(), stepped.suspended());
    }
}
