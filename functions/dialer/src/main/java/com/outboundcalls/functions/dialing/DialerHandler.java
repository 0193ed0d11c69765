package com.outboundcalls.functions.dialing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.CampaignAdministration;
import com.outboundcalls.account.RequestRefused;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.dial.DialMessage;
import com.outboundcalls.dial.Dialing;
import com.outboundcalls.dial.OutboundCalls;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.SqsHandler;
import com.outboundcalls.lambda.StructuredLog;

/** Dial queue: one Amazon Connect outbound call per message; throttled messages come back later. */
public final class DialerHandler implements SqsHandler {

    /** Who the audit trail names for a campaign held for its setup. */
    static final Actor HOLDER = Actor.operator("system:dialer");

    private final Dialing dialing;
    private final Metrics metrics;
    private final StructuredLog log = new StructuredLog("dialer");
    private final SqsBatch batch = new SqsBatch(log);

    public DialerHandler() {
        this(FunctionRuntime.system());
    }

    public DialerHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private DialerHandler(Wiring wiring) {
        this(new Dialing(wiring.cachedAccountDirectory(), wiring.contactBook(), wiring.callControl(),
                wiring.callControl(), wiring.outboundCalls(), wiring.callControl(), wiring.oppositionList(),
                wiring.prospectingHistories(), wiring.connectSetup(), wiring.clock(), wiring.runtime().sleeper(),
                campaignHolds(wiring), wiring.agentPacing()), wiring.metrics("dialer"));
        // Before a snapshot: a message for a contact of no campaign, read and found stale; nothing placed or written.
        String nobody = PrimingEvents.NOBODY;
        wiring.primeWith(() -> PrimingEvents.sqs(this, new DialMessage(nobody, nobody, nobody, 1).toJson()));
    }

    /** A held campaign is paused, as an operator would pause it, with its audit entry. */
    private static Dialing.CampaignHolds campaignHolds(Wiring wiring) {
        AccountAdministration admin = new AccountAdministration(wiring.accountRecords(), wiring.require("DEFAULT_CALLER_ID"),
                wiring.clock());
        return (clientId, campaignId, reason) -> {
            try {
                admin.act(HOLDER, clientId, campaignId, CampaignAdministration.CampaignAction.PAUSE, null);
            } catch (RequestRefused.Conflict alreadyStopped) {
                // paused or finished meanwhile: held all the same
            }
            new StructuredLog("dialer").error("campaign_held", "clientId", clientId, "campaignId", campaignId,
                    "reason", reason, "action", "fix the contact flow, caller ID or instance, then resume the campaign");
        };
    }

    public DialerHandler(Dialing dialing, Metrics metrics) {
        this.dialing = dialing;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        java.util.Map<Dialing.Outcome, Long> outcomes = new java.util.EnumMap<>(Dialing.Outcome.class);
        long[] throttled = {0};
        SQSBatchResponse response = batch.process(event, message -> {
            DialMessage dial = DialMessage.fromJson(message.getBody());
            Dialing.Outcome outcome;
            try {
                outcome = dialing.dial(dial);
            } catch (OutboundCalls.CallThrottledException e) {
                throttled[0]++;
                throw e;
            }
            outcomes.merge(outcome, 1L, Long::sum);
            log.info("dial", "clientId", dial.clientId(), "campaignId", dial.campaignId(), "contactId",
                    dial.contactId(), "attempt", dial.attempt(), "outcome", outcome);
        });
        // One metric line per kind of outcome in the batch: calls placed, throttles, deferrals by reason.
        metrics.count("CallsPlaced", outcomes.getOrDefault(Dialing.Outcome.PLACED, 0L));
        if (throttled[0] > 0) {
            metrics.count("Throttles", throttled[0]);
        }
        metrics.count("CampaignsHeld", outcomes.getOrDefault(Dialing.Outcome.HELD_MISCONFIGURED, 0L));
        outcomes.forEach((outcome, n) -> {
            if (outcome != Dialing.Outcome.PLACED) {
                metrics.count("Deferrals", n, "Reason", outcome.name());
            }
        });
        return response;
    }
}
