package com.outboundcalls.report;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.contact.ContactWrites;
import com.outboundcalls.files.FileInParts;
import com.outboundcalls.files.LatestRewrites;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.files.StepsInProcess;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes a campaign's report under {@code reports/{clientId}/{campaignId}/}: the contacts with their histories, and
 * a summary. A rewrite goes in steps of a page of contacts, whatever the campaign's size: each step reads its page
 * from where the last stopped, appends its rows ({@link FileInParts}) and hands the next step on, with the counts
 * so far; the last finishes the file and writes the summary. Until then the previous report stays whole. A rewrite
 * started later supersedes one under way; a step taken again writes the same tail and parts.
 *
 * <p>Each hour a running campaign's report is refreshed ({@link #refresh}): rewritten only when one of its contacts
 * was written since the hour before its last whole rewrite ({@link ContactWrites}; the hour before, for the writes
 * that landed while that rewrite read its pages), and at least once a day whatever the marks say. A night without
 * calls rewrites nothing.
 */
public final class CampaignReports {

    /** How many contacts one step reads. */
    public static final int PAGE_SIZE = 1000;

    /**
     * A step of a report's rewrite: the campaign, as of when, which rewrite ({@code chain}) and its step's index;
     * then where the last step stopped: the store's cursor, the file so far, the counts so far.
     */
    public record Step(String clientId, String campaignId, Instant asOf, String chain, int index, String cursor,
                       FileInParts.Written written, CampaignReport.Tally tally) {
    }

    /** Where steps are handed on: a queue in production. */
    public interface Steps {
        void next(Step step);
    }

    /** What an hourly refresh did. */
    public enum Refresh {
        /** A rewrite was started. */
        STARTED,
        /** No contact was written since the report was last written whole: it is left as it is. */
        UNCHANGED
    }

    /** However unchanged a campaign's contacts look, its report is written whole at least this often. */
    public static final Duration WRITTEN_WHOLE_AT_LEAST_EVERY = Duration.ofHours(24);

    /** What a step did. */
    public enum Outcome {
        CONTINUED, FINISHED, SUPERSEDED, DONE_BEFORE, NO_CAMPAIGN
    }

    private final ContactRecord.Pages contacts;
    private final Campaigns campaigns;
    private final ObjectSink reports;
    private final FileInParts parts;
    private final Steps steps;
    private final LatestRewrites rewrites;
    private final ContactWrites writes;
    private final int pageSize;

    /** The campaign a step's report is about, read again at the last step for the summary's status. */
    public interface Campaigns {
        java.util.Optional<Campaign> campaign(String clientId, String campaignId);
    }

    public CampaignReports(ContactRecord.Pages contacts, Campaigns campaigns, ObjectSink reports, Steps steps,
                           LatestRewrites rewrites, ContactWrites writes) {
        this(contacts, campaigns, reports, steps, rewrites, writes, PAGE_SIZE, ObjectSink.MIN_PART_SIZE);
    }

    public CampaignReports(ContactRecord.Pages contacts, Campaigns campaigns, ObjectSink reports, Steps steps,
                           LatestRewrites rewrites, ContactWrites writes, int pageSize, int partSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a step reads at least one contact");
        }
        this.contacts = contacts;
        this.campaigns = campaigns;
        this.reports = reports;
        this.parts = new FileInParts(reports, partSize);
        this.steps = steps;
        this.rewrites = rewrites;
        this.writes = writes;
        this.pageSize = pageSize;
    }

    /** Reports rewritten to their end within the caller's invocation, each step after the other. */
    public static CampaignReports inProcess(ContactRecord.Pages contacts, Campaigns campaigns, ObjectSink reports,
                                            int pageSize, int partSize) {
        StepsInProcess<Step> chain = new StepsInProcess<>();
        CampaignReports writer = new CampaignReports(contacts, campaigns, reports, chain::next,
                LatestRewrites.inMemory(), ContactWrites.UNKNOWN, pageSize, partSize);
        chain.takenBy(writer::take);
        return writer;
    }

    /** Starts rewriting the campaign's report as of this instant. */
    public void start(Campaign campaign, Instant asOf) {
        String chain = UUID.randomUUID().toString();
        rewrites.started(CampaignReport.csvKey(campaign), chain);
        steps.next(new Step(campaign.clientId(), campaign.campaignId(), asOf, chain, 0, null,
                FileInParts.Written.NOTHING, CampaignReport.Tally.NONE));
    }

    /**
     * The hour's refresh of a running campaign's report, as of this instant: a rewrite is started unless the report
     * was written whole, less than {@link #WRITTEN_WHOLE_AT_LEAST_EVERY} before, and no contact of the campaign was
     * written from the hour before that rewrite's to this instant's (or the rewrite's, if later).
     */
    public Refresh refresh(Campaign campaign, Instant asOf) {
        java.util.Optional<Instant> whole = rewrites.wholeAsOf(CampaignReport.csvKey(campaign));
        if (whole.isPresent() && Duration.between(whole.get(), asOf).compareTo(WRITTEN_WHOLE_AT_LEAST_EVERY) < 0
                && !writes.writtenBetween(campaign.key(), whole.get().minus(Duration.ofHours(1)),
                whole.get().isAfter(asOf) ? whole.get() : asOf)) {
            return Refresh.UNCHANGED;
        }
        start(campaign, asOf);
        return Refresh.STARTED;
    }

    /** Takes one step of a rewrite. */
    public Outcome take(Step step) {
        java.util.Optional<Campaign> found = campaigns.campaign(step.clientId(), step.campaignId());
        if (found.isEmpty()) {
            return Outcome.NO_CAMPAIGN;
        }
        Campaign campaign = found.get();
        String key = CampaignReport.csvKey(campaign);
        if (!rewrites.latest(key).map(step.chain()::equals).orElse(false)) {
            parts.abandon(key, step.written());
            return Outcome.SUPERSEDED;
        }
        ContactRecord.Page page = contacts.page(campaign.key(), step.cursor(), pageSize);
        CampaignReport rows = new CampaignReport();
        page.contacts().forEach(rows::add);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        if (step.index() == 0) {
            lines.writeBytes(CampaignReport.header());
        }
        lines.writeBytes(rows.rows());
        CampaignReport.Tally tally = step.tally().plus(rows.tally());
        String type = "text/csv; charset=utf-8";
        try {
            if (!parts.step(key, type, step.written(), lines.toByteArray(),
                    "reports/parts/" + step.chain() + "/" + step.index(), page.next() == null,
                    written -> steps.next(new Step(step.clientId(), step.campaignId(), step.asOf(), step.chain(),
                            step.index() + 1, page.next(), written, tally)))) {
                return Outcome.CONTINUED;
            }
        } catch (ObjectSink.GoneException e) {
            return Outcome.DONE_BEFORE;
        }
        reports.put(CampaignReport.summaryKey(campaign), CampaignReport.summary(campaign, step.asOf(), tally),
                "application/json");
        if (campaign.isActive()) {
            // Whole as the hourly refresh would write it. A report finished while its campaign was paused says so in
            // its summary: the first hour after the campaign resumes writes it again.
            rewrites.finished(key, step.chain(), step.asOf());
        }
        return Outcome.FINISHED;
    }
}
