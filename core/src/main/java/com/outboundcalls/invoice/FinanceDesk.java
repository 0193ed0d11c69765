package com.outboundcalls.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What finance does with issued invoices: read a month, record payments and disputes, issue credit notes.
 * Each change is recorded once however often it is asked for, and the month's journal follows it.
 */
public final class FinanceDesk {

    private final InvoiceStore invoices;
    private final InvoicePublisher publisher;
    private final Dunning dunning;
    private final LegalInterestRates rates;

    public FinanceDesk(InvoiceStore invoices, InvoicePublisher publisher, Dunning dunning, LegalInterestRates rates) {
        this(invoices, publisher, dunning, rates, null);
    }

    /** @param calls the rated calls, for crediting a disputed call by its ContactId */
    public FinanceDesk(InvoiceStore invoices, InvoicePublisher publisher, Dunning dunning, LegalInterestRates rates,
                       com.outboundcalls.rate.RatedCallStore calls) {
        this(invoices, publisher, dunning, rates, calls, clientId -> java.util.Optional.empty());
    }

    /** A sub-account invoiced in a section of its parent's invoice: the parent, and the section's name. */
    public record InvoicedOn(String parentClientId, String sectionName) {
    }

    /**
     * @param sections where a client is invoiced when it is a sub-account invoiced on its parent's invoice
     */
    public FinanceDesk(InvoiceStore invoices, InvoicePublisher publisher, Dunning dunning, LegalInterestRates rates,
                       com.outboundcalls.rate.RatedCallStore calls,
                       java.util.function.Function<String, Optional<InvoicedOn>> sections) {
        this.invoices = invoices;
        this.publisher = publisher;
        this.dunning = dunning;
        this.rates = rates;
        this.calls = calls;
        this.sections = sections;
    }

    private final com.outboundcalls.rate.RatedCallStore calls;
    private final java.util.function.Function<String, Optional<InvoicedOn>> sections;

    /**
     * Credits one disputed call billed on an invoice, found by its Connect ContactId: a credit note naming the call
     * and the invoice line, for the call's amount; asked again, the same credit note.
     *
     * @throws java.util.NoSuchElementException when no invoice or no call has that number
     * @throws IllegalArgumentException         when the call was not billed on that invoice
     */
    public Invoice creditCall(String number, String connectContactId, String reason, LocalDate today) {
        if (calls == null) {
            throw new IllegalStateException("crediting a call needs the rated calls");
        }
        Receivable r = invoices.receivable(number)
                .orElseThrow(() -> new java.util.NoSuchElementException("no invoice " + number));
        com.outboundcalls.rate.RatedCall call = calls.byConnectContactId(connectContactId)
                .orElseThrow(() -> new java.util.NoSuchElementException("no call " + connectContactId));
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a credit note needs a reason");
        }
        String section = null;
        if (!call.clientId().equals(r.invoice().clientId())) {
            // A sub-account's call, billed in its section of its parent's invoice.
            section = sections.apply(call.clientId())
                    .filter(on -> on.parentClientId().equals(r.invoice().clientId()))
                    .map(InvoicedOn::sectionName).orElse(null);
        }
        return creditNote(number, CreditNotes.forCall(r.invoice(), call, reason, section), today);
    }

    public List<Receivable> month(YearMonth period) {
        return invoices.ofPeriod(period);
    }

    public Optional<Receivable> document(String number) {
        return invoices.receivable(number);
    }

    /**
     * Records a payment. A payment received after the due date fixes the late penalty through its date; one
     * that settles what is overdue lifts a suspension for non-payment. A payment recorded already (a retried
     * request, perhaps after a crash between these steps) runs the same follow-ups again, each of which gives the
     * same result twice.
     */
    public Payment.Outcome pay(Payment payment, LocalDate today) {
        Optional<Receivable> before = invoices.receivable(payment.invoiceNumber());
        if (before.isEmpty() || before.get().invoice().isCreditNote()) {
            return Payment.Outcome.UNKNOWN_INVOICE;
        }
        Payment.Outcome outcome = invoices.recordPayment(payment);
        if (outcome != Payment.Outcome.RECORDED && outcome != Payment.Outcome.ALREADY_RECORDED) {
            return outcome;
        }
        Invoice invoice = before.get().invoice();
        // What was owed just before this payment: the outstanding amount then, or now plus this payment when it
        // was recorded by an earlier attempt.
        BigDecimal owed = outcome == Payment.Outcome.RECORDED ? before.get().outstanding()
                : before.get().outstanding().add(payment.amount());
        LatePenalty fixed = before.get().penalty();
        boolean fixedAtThisPayment = fixed != null
                && invoice.dueDate().plusDays(fixed.daysLate()).equals(payment.receivedOn());
        if (payment.receivedOn().isAfter(invoice.dueDate()) && owed.signum() > 0 && !before.get().disputed()
                && !invoice.isPenaltyClaim()
                && (outcome == Payment.Outcome.RECORDED || !fixedAtThisPayment)) {
            // Through the payment's date, each earlier payment reducing the interest from its own date.
            Receivable after = invoices.receivable(invoice.number()).orElseThrow();
            invoices.recordPenalty(invoice.number(), after.penaltyThrough(payment.receivedOn(), rates));
        }
        dunning.liftIfSettled(invoice.clientId(), today);
        // Settled late: its penalties and indemnity are claimed in a document of their own, once.
        invoices.receivable(invoice.number()).flatMap(settled -> PenaltyClaims.draft(settled, today))
                .ifPresent(claim -> {
                    Invoice issued = invoices.issuePenaltyClaim(claim);
                    publisher.publish(issued);
                    publisher.publishJournal(issued.period(), today);
                    publisher.publishAccounting(java.time.YearMonth.from(issued.issueDate()));
                });
        publisher.publishJournal(invoice.period(), today);
        publisher.publishAccounting(java.time.YearMonth.from(payment.receivedOn()));
        return outcome;
    }

    public Dispute.Outcome dispute(String number, String reason, LocalDate today) {
        Optional<Receivable> r = invoices.receivable(number);
        if (r.isEmpty()) {
            return Dispute.Outcome.UNKNOWN_INVOICE;
        }
        if (r.get().invoice().isCreditNote()) {
            return Dispute.Outcome.NOT_AN_INVOICE;
        }
        if (r.get().disputed()) {
            return Dispute.Outcome.ALREADY_OPEN;
        }
        if (today.isAfter(r.get().invoice().issueDate().plusDays(Dispute.FILING_DAYS))) {
            return Dispute.Outcome.TOO_LATE;
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a dispute needs a reason");
        }
        Dispute.Outcome outcome = invoices.recordDispute(number, new Dispute(today, reason.strip(), null));
        publisher.publishJournal(r.get().invoice().period(), today);
        return outcome;
    }

    public boolean resolveDispute(String number, LocalDate today) {
        boolean resolved = invoices.resolveDispute(number, today);
        invoices.receivable(number).ifPresent(r -> publisher.publishJournal(r.invoice().period(), today));
        return resolved;
    }

    /**
     * Issues a credit note against an invoice, or returns the one issued before under the same reference.
     *
     * @throws IllegalArgumentException with the reason when the invoice cannot be credited so
     */
    public Invoice creditNote(String number, CreditNotes.Request request, LocalDate today) {
        Receivable r = invoices.receivable(number)
                .orElseThrow(() -> new java.util.NoSuchElementException("no invoice " + number));
        Optional<Invoice> earlier = request.reference() == null ? Optional.empty()
                : invoices.creditNote(number, request.reference());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Invoice draft = CreditNotes.draft(r.invoice(), r.creditedExclVat(),
                r.creditedInclVat().subtract(r.creditedExclVat()), request, today);
        Invoice issued = invoices.issueCreditNote(draft, request.reference(), r.creditedExclVat());
        publisher.publish(issued);
        dunning.liftIfSettled(r.invoice().clientId(), today);
        // The credit note is in its own month's journal; the invoice's, where its status changed, is rewritten too.
        publisher.publishJournal(issued.period(), today);
        if (!issued.period().equals(r.invoice().period())) {
            publisher.publishJournal(r.invoice().period(), today);
        }
        publisher.publishAccounting(java.time.YearMonth.from(issued.issueDate()));
        return issued;
    }
}
