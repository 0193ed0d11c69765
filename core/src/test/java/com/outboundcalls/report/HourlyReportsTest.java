package com.outboundcalls.report;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HourlyReportsTest {

    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts();
    private final List<String> asked = new ArrayList<>();
    private final HourlyReports hourly = new HourlyReports(accounts, new ReportRequests() {
        @Override
        public void dashboards(List<String> clientIds) {
        }

        @Override
        public void campaignReports(List<Campaign> campaigns, Instant asOf) {
            campaigns.forEach(c -> asked.add(c.campaignId()));
        }
    });

    private void campaign(String id, Campaign.Status status, LocalDate endsOn) {
        Campaign campaign = new Campaign("acme", id, status, null, null, 1, Campaign.Purpose.CUSTOMER_SERVICE, null,
                Campaign.CallerIdSource.PROVIDER, null, false, null, endsOn);
        accounts.campaigns.put(campaign.key(), campaign);
    }

    @Test
    void aCampaignPastItsLastDayInParisGetsNoHourlyReportWhateverItsStatus() {
        campaign("open-ended", Campaign.Status.ACTIVE, null);
        campaign("ends-today", Campaign.Status.ACTIVE, LocalDate.of(2026, 10, 5));
        campaign("ended-yesterday", Campaign.Status.ACTIVE, LocalDate.of(2026, 10, 4));
        campaign("paused", Campaign.Status.PAUSED, null);

        // 23:30 on the 4th in UTC is already the 5th in Paris: the campaign that ended on the 4th is past its last day.
        List<Campaign> requested = hourly.requestCampaignReports(Instant.parse("2026-10-04T22:30:00Z"));

        assertEquals(List.of("open-ended", "ends-today"), asked);
        assertEquals(2, requested.size());
    }

    @Test
    void aCampaignOnItsLastDayInParisStillGetsItsHourlyReport() {
        campaign("ends-on-the-4th", Campaign.Status.ACTIVE, LocalDate.of(2026, 10, 4));

        hourly.requestCampaignReports(Instant.parse("2026-10-04T21:30:00Z")); // 23:30 in Paris, on the 4th

        assertEquals(List.of("ends-on-the-4th"), asked);
    }
}
