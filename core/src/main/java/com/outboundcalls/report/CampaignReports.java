package com.outboundcalls.report;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.files.ObjectSink;

import java.time.Instant;

/**
 * Writes a campaign's report under {@code reports/{clientId}/{campaignId}/}: the contacts with their histories,
 * and a summary. Rewritten whole each time from the contacts table, so a repeated run only refreshes it.
 */
public final class CampaignReports {

    private final ContactRecord.Source contacts;
    private final ObjectSink reports;

    public CampaignReports(ContactRecord.Source contacts, ObjectSink reports) {
        this.contacts = contacts;
        this.reports = reports;
    }

    public CampaignReport write(Campaign campaign, Instant at) {
        CampaignReport report = new CampaignReport();
        contacts.forEachInCampaign(campaign.key(), report::add);
        reports.put(CampaignReport.csvKey(campaign), report.csv(), "text/csv; charset=utf-8");
        reports.put(CampaignReport.summaryKey(campaign), report.summary(campaign, at), "application/json");
        return report;
    }
}
