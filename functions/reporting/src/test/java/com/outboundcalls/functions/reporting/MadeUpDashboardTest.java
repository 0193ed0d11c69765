package com.outboundcalls.functions.reporting;

import com.outboundcalls.report.CampaignDashboard;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard the dashboard requests function renders before a snapshot: figures on every chart, then dropped. */
class MadeUpDashboardTest {

    @Test
    void theMadeUpCampaignHasACallOnEachOutcomeSoEveryFigureIsWorkedOut() {
        List<CampaignDashboard> campaigns = MadeUpDashboard.campaigns();

        CampaignDashboard campaign = campaigns.get(0);
        assertEquals(2, campaign.contacts());
        assertEquals(1, campaign.reached());
        assertEquals(1, campaign.callable());
        assertEquals(new BigDecimal("50.0"), campaign.reachRate());
        assertEquals(1, campaign.answerRateByHour().size(), "an hour with an answer rate to chart");
        assertDoesNotThrow(MadeUpDashboard::render, "every language, JSON and CSV");
    }
}
