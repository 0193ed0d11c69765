package com.outboundcalls.functions.reporting;

import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.report.CampaignCounters;
import com.outboundcalls.report.CampaignDashboard;
import com.outboundcalls.report.DashboardDocuments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dashboard nobody reads: one made-up campaign with a contact reached and one still callable. Before SnapStart's
 * snapshot, the dashboard requests function renders it in memory, in each language and as JSON and CSV, and drops
 * it (see {@link #render}), so that the snapshot holds the figures' arithmetic and the page's writing loaded and
 * compiled. It is never stored.
 */
final class MadeUpDashboard {

    private static final Instant AT = Instant.parse("2026-10-12T08:00:00Z");

    private MadeUpDashboard() {
    }

    static List<CampaignDashboard> campaigns() {
        Map<String, BigDecimal> counters = new HashMap<>();
        add(counters, CampaignCounters.contactsStored(2));
        add(counters, CampaignCounters.callPlaced());
        add(counters, CampaignCounters.callRated(call(95)));
        add(counters, CampaignCounters.callSettled(ContactStatus.REACHED));
        add(counters, CampaignCounters.callPlaced());
        add(counters, CampaignCounters.callRated(call(null)));
        add(counters, CampaignCounters.callSettled(ContactStatus.CALLABLE));
        return List.of(CampaignDashboard.of("priming", "ACTIVE", new CampaignCounters(counters), List.of()));
    }

    /** The made-up dashboard written as every file a client's dashboard has, in memory; the files are dropped. */
    static void render() {
        List<CampaignDashboard> campaigns = campaigns();
        for (DashboardDocuments.Language language : DashboardDocuments.Language.values()) {
            DashboardDocuments.html(language, "Priming", AT, campaigns);
        }
        DashboardDocuments.json("priming-nobody", AT, campaigns);
        DashboardDocuments.csv(campaigns);
    }

    private static void add(Map<String, BigDecimal> counters, Map<String, ? extends Number> change) {
        change.forEach((name, value) -> counters.merge(name, new BigDecimal(value.toString()), BigDecimal::add));
    }

    private static RatedCall call(Integer talkSeconds) {
        Instant answered = talkSeconds == null ? null : AT.plusSeconds(10);
        Instant end = talkSeconds == null ? AT.plusSeconds(30) : answered.plusSeconds(talkSeconds);
        long billed = talkSeconds == null ? 0 : talkSeconds;
        BigDecimal price = new BigDecimal("0.0450");
        return new RatedCall("priming-" + billed, "priming-nobody", "priming", "ct-priming", 1, "FR", "FR", "MOBILE",
                AT, answered, end, billed, price, price.multiply(BigDecimal.valueOf(billed))
                        .divide(BigDecimal.valueOf(60), 6, java.math.RoundingMode.HALF_UP), "priming",
                RatedCall.Status.RATED, null);
    }
}
