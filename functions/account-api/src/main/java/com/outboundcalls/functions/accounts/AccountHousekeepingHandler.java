package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.account.NightlyHousekeeping;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.SqsHousekeepingRequests;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.ScheduledHandler;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every night: a housekeeping request per client on the housekeeping queue ({@link NightlyHousekeeping}), which
 * {@link ClientHousekeepingHandler} takes one at a time. This invocation only lists the clients.
 */
public final class AccountHousekeepingHandler implements ScheduledHandler<String> {

    private final NightlyHousekeeping nightly;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("account-housekeeping");

    public AccountHousekeepingHandler() {
        this(FunctionRuntime.system());
    }

    public AccountHousekeepingHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private AccountHousekeepingHandler(Wiring wiring) {
        this(new NightlyHousekeeping(wiring.accountDirectory(),
                new SqsHousekeepingRequests(wiring.sqs(), wiring.require("HOUSEKEEPING_QUEUE_URL"))), wiring.clock());
        wiring.primeDry(dry -> {
            AccountHousekeepingHandler handler = new AccountHousekeepingHandler(dry);
            SqsHousekeepingRequests requests = new SqsHousekeepingRequests(dry.sqs(),
                    dry.require("HOUSEKEEPING_QUEUE_URL"));
            return () -> {
                PrimingEvents.schedule(handler);
                // A dry night finds no client: the request a night sends per client is sent here, for nobody, through
                // the dry queue client (marshalled, signed, answered by the dry client, never queued).
                requests.clients(List.of(PrimingEvents.NOBODY), LocalDate.of(2026, 1, 1));
            };
        });
    }

    public AccountHousekeepingHandler(NightlyHousekeeping nightly, Clock clock) {
        this.nightly = nightly;
        this.clock = clock;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        int asked = nightly.requestAll(ScheduledInput.scheduledTime(input, clock));
        log.info("housekeeping_requested", "clients", asked);
        return asked + " client(s)' housekeeping requested";
    }
}
