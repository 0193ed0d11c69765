package com.outboundcalls.functions.invoicing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.SqsDunningSteps;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.invoice.Dunning;
import com.outboundcalls.invoice.InvoiceNotices;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.ScheduledHandler;
import com.outboundcalls.mail.Mailer;
import com.outboundcalls.invoice.InvoiceRunWatch;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.TakenMessages;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.time.Zones;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every morning, Europe/Paris: late penalties on overdue invoices, suspension past the grace period, lifting
 * once paid. The schedule's invocation takes the day's first step; each step hands the next on to DunningQueue,
 * whose messages come back here one at a time: a failed one comes back alone, and a step taken through before
 * (delivered again, or handed on twice) does nothing more. A half-year with late days and no legal rate configured is logged as an
 * error and counted in the LegalRateMissing metric (an alarm), never computed as zero.
 */
public final class DunningHandler implements ScheduledHandler<Object> {

    private final Dunning dunning;
    private final Dunning.Steps steps;
    private final TakenMessages taken;
    private final InvoiceRunWatch watch;
    private final Metrics metrics;
    private final Clock clock;
    private final Mailer mailer;
    private final Function<String, Optional<String>> billingEmails;
    private final StructuredLog log = new StructuredLog("dunning");
    private final SqsBatch batch = new SqsBatch(log);

    public DunningHandler() {
        this(FunctionRuntime.system());
    }

    public DunningHandler(FunctionRuntime runtime) {
        this(new InvoicingWiring(new Wiring(runtime)));
    }

    private DunningHandler(InvoicingWiring invoicing) {
        this(invoicing.dunning(), invoicing.dunningSteps(), invoicing.takenDunningSteps(), invoicing.watch(),
                invoicing.wiring().metrics("dunning"), invoicing.wiring().clock(), invoicing.wiring().mailer(),
                invoicing.billingEmails());
        // Before a snapshot: the documents a penalty claim is issued as, for a made-up invoice rendered in memory.
        invoicing.wiring().primeWith(MadeUpInvoice::render);
        invoicing.wiring().primeDry(dry -> {
            DunningHandler morning = new DunningHandler(new InvoicingWiring(dry));
            return () -> PrimingEvents.schedule(morning);
        });
    }

    /**
     * @param steps         where each step hands the next on
     * @param taken         the step messages taken through to handing the next on
     * @param billingEmails where a client's warnings are mailed, by client
     */
    public DunningHandler(Dunning dunning, Dunning.Steps steps, TakenMessages taken, InvoiceRunWatch watch,
                          Metrics metrics, Clock clock, Mailer mailer,
                          Function<String, Optional<String>> billingEmails) {
        this.dunning = dunning;
        this.steps = steps;
        this.taken = taken;
        this.watch = watch;
        this.metrics = metrics;
        this.clock = clock;
        this.mailer = mailer;
        this.billingEmails = billingEmails;
    }

    @Override
    public Object handleRequest(Map<String, Object> input, Context context) {
        if (input != null && input.get("Records") instanceof List<?> records) {
            return batch.process(sqsEvent(records), message -> {
                // A step taken through before does nothing more: delivered again (its delete failed, a second
                // copy), or handed on again by the step before it, taken again after it had handed this one on
                // but before its note. Otherwise the rest of the day's run would be made twice, from here on.
                Dunning.Step step = SqsDunningSteps.fromJson(message.getBody());
                String id = step.id() != null ? step.id() : message.getMessageId();
                if (taken.taken(id)) {
                    log.info("dunning_step_taken_already", "step", id, "messageId", message.getMessageId());
                    return;
                }
                take(step);
                taken.markTaken(id);
            });
        }
        java.time.Instant scheduled = ScheduledInput.scheduledTime(input, clock);
        LocalDate today = scheduled.atZone(Zones.BILLING).toLocalDate();
        // Last month's invoice run (the 1st, 06:00) leaves its journal: missing at this hour, the run failed or
        // is late, and the InvoiceRunLate alarm says so.
        // Only when some account was subscribed then: a new stack has no last month to invoice.
        boolean late = watch.runIsLate(today);
        metrics.count("InvoiceRunLate", late ? 1 : 0);
        if (late) {
            log.error("invoice_run_late", "period", YearMonth.from(today).minusMonths(1), "day", today,
                    "action", "run InvoiceGeneratorFunction for the period; a re-run issues nothing twice");
        }
        // The run is named after the time it was scheduled for, the same through the retries of its event: a
        // retry hands on the steps the failed attempt may have handed on already, known for the same. Invoked
        // without a scheduled time, it is a run of its own, which redoes the day.
        Dunning.Result first = take(dunning.start(today, scheduled.toString()));
        return first.overdue() + " overdue, " + first.suspended().size() + " suspended in the first step";
    }

    /** One step: what it did, told and counted; then the next handed on. */
    private Dunning.Result take(Dunning.Step step) {
        Dunning.Outcome outcome = dunning.step(step);
        Dunning.Result result = outcome.result();
        LocalDate today = step.day();
        for (String clientId : result.suspended()) {
            log.warn("account_suspended_for_non_payment", "clientId", clientId, "day", today);
        }
        int warned = 0;
        for (Dunning.Warning warning : result.warnings()) {
            // Told once per invoice, whatever the days and the retries (the mail's id is the invoice's).
            Optional<String> to = billingEmails.apply(warning.invoice().clientId());
            if (to.isPresent() && mailer.send(InvoiceNotices.suspensionWarning(warning, to.get()))) {
                log.info("suspension_warning_sent", "clientId", warning.invoice().clientId(), "number",
                        warning.invoice().number(), "suspendsOn", warning.suspendsOn());
                warned++;
            }
        }
        metrics.count("SuspensionWarningsSent", warned);
        for (String clientId : result.lifted()) {
            log.info("suspension_lifted", "clientId", clientId, "day", today);
        }
        metrics.count("LegalRateMissing", result.halfYearsWithoutRate().size());
        if (!result.halfYearsWithoutRate().isEmpty()) {
            log.error("legal_interest_rate_missing", "halfYears", String.join(",", result.halfYearsWithoutRate()),
                    "day", today, "action", "publish the rate in LEGAL_INTEREST_RATES; penalties stay incomplete");
        }
        log.info("dunning_step_done", "day", today, "phase", step.phase(), "overdue", result.overdue(),
                "frozenByDispute", result.frozenByDispute(), "last", outcome.next().isEmpty());
        outcome.next().ifPresent(steps::next);
        return result;
    }

    /** The SQS event Lambda hands over, from its JSON as a map. */
    private static SQSEvent sqsEvent(List<?> records) {
        List<SQSEvent.SQSMessage> messages = new java.util.ArrayList<>();
        for (Object record : records) {
            if (record instanceof Map<?, ?> fields) {
                SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
                message.setMessageId(String.valueOf(fields.get("messageId")));
                message.setBody(fields.get("body") == null ? null : String.valueOf(fields.get("body")));
                if (fields.get("attributes") instanceof Map<?, ?> attributes) {
                    Map<String, String> copied = new java.util.HashMap<>();
                    attributes.forEach((k, v) -> copied.put(String.valueOf(k), String.valueOf(v)));
                    message.setAttributes(copied);
                }
                messages.add(message);
            }
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }
}
