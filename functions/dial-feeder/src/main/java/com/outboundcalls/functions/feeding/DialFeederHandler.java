package com.outboundcalls.functions.feeding;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.account.CallingWindow;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.dial.DialFeeding;
import com.outboundcalls.dial.DialMessage;
import com.outboundcalls.dial.FairShare;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.ScheduledHandler;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.time.RegionZones;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Every minute (EventBridge Scheduler): moves the contacts callable now into the dial queue. */
public final class DialFeederHandler implements ScheduledHandler<String> {

    private final DialFeeding feeding;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("dial-feeder");

    public DialFeederHandler() {
        this(FunctionRuntime.system());
    }

    public DialFeederHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private DialFeederHandler(Wiring wiring) {
        this(wiring.dialFeeding(), wiring.clock(), wiring.metrics("dial-feeder"));
        wiring.primeDry(dry -> {
            DialFeederHandler feeder = new DialFeederHandler(dry);
            return () -> {
                PrimingEvents.schedule(feeder);
                // A dry run finds no active campaign, so what a run with one reads is read here, for nobody: its
                // client's profile, the lines in use and its agents' queue (Connect's current metrics).
                dry.accountDirectory().client(PrimingEvents.NOBODY);
                dry.callControl().active();
                dry.agentPacing().reading(dry.clock().instant()).queue(PrimingEvents.NOBODY);
                // and what it does with them: a campaign's window, the lines shared, a contact queued (never sent).
                Campaign nobody = new Campaign(PrimingEvents.NOBODY, PrimingEvents.NOBODY, Campaign.Status.ACTIVE,
                        null, null, 1);
                CallingWindow.of(nobody).nextOpening(dry.clock().instant(), RegionZones.of("FR"));
                FairShare.allocateWeighted(1, Map.of(nobody.key(), new FairShare.Demand(1, nobody.priority())));
                dry.dialQueue().send(List.of(new DialMessage(PrimingEvents.NOBODY, PrimingEvents.NOBODY,
                        PrimingEvents.NOBODY, 1)));
            };
        });
    }

    private final com.outboundcalls.lambda.Metrics metrics;

    public DialFeederHandler(DialFeeding feeding, Clock clock, com.outboundcalls.lambda.Metrics metrics) {
        this.feeding = feeding;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        DialFeeding.FeedReport report = feeding.feed(ScheduledInput.scheduledTime(input, clock));
        report.refused().forEach((campaign, why) -> log.error("campaign_refused", "campaign", campaign, "reason", why));
        if (report.queued() > 0 || report.deferredToWindow() > 0) {
            log.info("feed", "budget", report.budget(), "campaigns", report.campaigns(), "queued", report.queued(),
                    "deferredToWindow", report.deferredToWindow());
        }
        // The operators' dashboard: each routing queue's occupancy, and the campaigns the pacing holds back.
        report.agentOccupancy().forEach((queue, percent) -> metrics.percent("AgentOccupancy", percent, "Queue", queue));
        if (!report.agentOccupancy().isEmpty()) {
            metrics.count("CampaignsNearAbandonmentTarget", report.nearAbandonmentTarget().size());
            report.nearAbandonmentTarget().forEach(campaign -> log.warn("abandonment_near_target", "campaign", campaign));
        }
        return "queued " + report.queued();
    }
}
