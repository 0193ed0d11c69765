package com.outboundcalls.report;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.files.LatestRewrites;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A campaign of 25 contacts reported in steps of 4 contacts, with parts of 512 bytes. */
class CampaignReportsTest {

    private static final Instant T = Instant.parse("2026-10-05T08:00:00Z");
    private static final int PART = 512;
    private static final Campaign SPRING = new Campaign("acme", "spring", Campaign.Status.ACTIVE, null, null, 1);

    private final List<ContactRecord> contacts = new ArrayList<>();
    private final InMemoryPorts.Objects bucket = new InMemoryPorts.Objects();
    private final Deque<CampaignReports.Step> queued = new ArrayDeque<>();
    private final int[] pagesRead = {0};
    private final ContactRecord.Pages pages = (campaignKey, cursor, limit) -> {
        pagesRead[0]++;
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(contacts.size(), from + limit);
        return new ContactRecord.Page(contacts.subList(from, to), to < contacts.size() ? Integer.toString(to) : null);
    };
    /** The campaign as the accounts tell it now. */
    private Campaign spring = SPRING;
    private final CampaignReports reports = new CampaignReports(pages,
            (clientId, campaignId) -> clientId.equals("acme") && campaignId.equals("spring") ? Optional.of(spring)
                    : Optional.empty(), bucket, queued::add, LatestRewrites.inMemory(), this::written, 4, PART);
    /** The hours in which a contact was written (their starts), and the spans the reports asked about. */
    private final java.util.Set<Instant> writtenHours = new java.util.HashSet<>();
    private final List<String> asked = new ArrayList<>();

    private boolean written(String campaignKey, Instant from, Instant to) {
        asked.add(campaignKey + " " + from + " " + to);
        Instant first = from.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return writtenHours.stream().anyMatch(h -> !h.isBefore(first) && !h.isAfter(to));
    }

    @BeforeEach
    void twentyFiveContacts() {
        bucket.minPartSize = PART;
        for (int i = 0; i < 25; i++) {
            ContactStatus status = i % 3 == 0 ? ContactStatus.NOT_REACHED : ContactStatus.CALLABLE;
            contacts.add(new ContactRecord(String.format("ct-%02d", i), "+336123456" + String.format("%02d", i),
                    "contacts.csv", i + 2, status, i % 4, 0, T.plusSeconds(i),
                    List.of(new ContactRecord.Decision(T, "STORED", "from row " + (i + 2) + " of contacts.csv"),
                            new ContactRecord.Decision(T.plusSeconds(60 + i), i % 3 == 0 ? "NOT_REACHED" : "QUEUED",
                                    i % 3 == 0 ? "NO_ANSWER" : ""))));
        }
    }

    private CampaignReport whole() {
        CampaignReport report = new CampaignReport();
        contacts.forEach(report::add);
        return report;
    }

    private List<CampaignReports.Outcome> takeAll() {
        List<CampaignReports.Outcome> outcomes = new ArrayList<>();
        while (!queued.isEmpty()) {
            outcomes.add(reports.take(queued.poll()));
        }
        return outcomes;
    }

    @Test
    void theFirstHourlyRefreshStartsARewrite() {
        assertEquals(CampaignReports.Refresh.STARTED, reports.refresh(SPRING, T));
        assertEquals(1, queued.size());
        assertTrue(asked.isEmpty(), "no report was ever written whole: nothing to ask");
    }

    @Test
    void anHourWithoutAContactWrittenSinceTheLastWholeReportLeavesItAsItIs() {
        reports.refresh(SPRING, T);
        takeAll();
        byte[] csv = bucket.objects.get(CampaignReport.csvKey(SPRING));
        byte[] summary = bucket.objects.get(CampaignReport.summaryKey(SPRING));
        int pages = pagesRead[0];

        assertEquals(CampaignReports.Refresh.UNCHANGED, reports.refresh(SPRING, T.plusSeconds(3600)));
        assertEquals(CampaignReports.Refresh.UNCHANGED, reports.refresh(SPRING, T.plusSeconds(7200)));

        assertTrue(queued.isEmpty(), "no step queued");
        assertEquals(pages, pagesRead[0], "no contact read");
        assertArrayEquals(csv, bucket.objects.get(CampaignReport.csvKey(SPRING)));
        assertArrayEquals(summary, bucket.objects.get(CampaignReport.summaryKey(SPRING)), "still as of " + T);
        assertEquals(List.of("acme#spring 2026-10-05T07:00:00Z 2026-10-05T09:00:00Z",
                "acme#spring 2026-10-05T07:00:00Z 2026-10-05T10:00:00Z"), asked,
                "from the hour before the last whole rewrite to the hour asked for");
    }

    @Test
    void aContactWrittenSinceTheHourBeforeTheLastWholeReportStartsARewrite() {
        reports.refresh(SPRING, T);
        takeAll();
        // Written in the hour before the rewrite's (it may have landed after the rewrite read its page).
        writtenHours.add(T.minusSeconds(3600));

        assertEquals(CampaignReports.Refresh.STARTED, reports.refresh(SPRING, T.plusSeconds(3600)));
        takeAll();
        writtenHours.clear();
        writtenHours.add(T.plusSeconds(5400)); // 09:30, after the rewrite as of 09:00

        assertEquals(CampaignReports.Refresh.STARTED, reports.refresh(SPRING, T.plusSeconds(7200)));
        takeAll();
        String summary = new String(bucket.objects.get(CampaignReport.summaryKey(SPRING)), StandardCharsets.UTF_8);
        assertTrue(summary.contains("2026-10-05T10:00:00.000Z"), summary);
    }

    @Test
    void aRewriteStillUnderWayIsNoWholeReportAndTheHourStartsAnother() {
        reports.refresh(SPRING, T);
        reports.take(queued.poll()); // the first step of seven, and the rewrite stops there

        queued.clear();
        assertEquals(CampaignReports.Refresh.STARTED, reports.refresh(SPRING, T.plusSeconds(3600)));
    }

    @Test
    void aReportUnchangedForADayIsWrittenWholeAgainAnyway() {
        reports.refresh(SPRING, T);
        takeAll();

        assertEquals(CampaignReports.Refresh.UNCHANGED, reports.refresh(SPRING, T.plus(java.time.Duration.ofHours(23))));
        assertEquals(CampaignReports.Refresh.STARTED, reports.refresh(SPRING, T.plus(java.time.Duration.ofHours(24))));
    }

    @Test
    void aRewriteStartedAfterTheLastWholeOneWithdrawsItUntilItFinishes() {
        reports.refresh(SPRING, T);
        takeAll();
        reports.start(SPRING, T.plusSeconds(1800)); // the campaign paused: its report written at once

        assertEquals(CampaignReports.Refresh.STARTED, reports.refresh(SPRING, T.plusSeconds(3600)),
                "the rewrite under way has not finished: no report is known whole");
    }

    @Test
    void aReportLastWrittenWhileItsCampaignWasPausedIsWrittenAgainAtTheFirstHourAfterItResumes() {
        spring = new Campaign("acme", "spring", Campaign.Status.PAUSED, null, null, 1);
        reports.start(spring, T); // the campaign paused: its report written at once, saying so
        takeAll();
        assertTrue(new String(bucket.objects.get(CampaignReport.summaryKey(SPRING)), StandardCharsets.UTF_8)
                .contains("\"campaignStatus\" : \"PAUSED\""));

        spring = SPRING; // resumed, and no contact written since
        assertEquals(CampaignReports.Refresh.STARTED, reports.refresh(SPRING, T.plusSeconds(3600)));
        takeAll();
        assertTrue(new String(bucket.objects.get(CampaignReport.summaryKey(SPRING)), StandardCharsets.UTF_8)
                .contains("\"campaignStatus\" : \"ACTIVE\""));
        assertEquals(CampaignReports.Refresh.UNCHANGED, reports.refresh(SPRING, T.plusSeconds(7200)));
    }

    @Test
    void theReportWrittenFourContactsAStepIsTheReportWrittenAtOnceAndItsTailsAreGone() {
        reports.start(SPRING, T.plusSeconds(3600));
        List<CampaignReports.Outcome> outcomes = takeAll();

        assertEquals(7, outcomes.size(), "25 contacts, four a step");
        assertEquals(CampaignReports.Outcome.FINISHED, outcomes.get(6));
        byte[] csv = bucket.objects.get(CampaignReport.csvKey(SPRING));
        assertArrayEquals(whole().csv(), csv);
        assertTrue(csv.length > 2 * PART, "the report went up in parts");
        assertArrayEquals(whole().summary(SPRING, T.plusSeconds(3600)),
                bucket.objects.get(CampaignReport.summaryKey(SPRING)), "the counts summed over the steps");
        assertTrue(bucket.objects.keySet().stream().noneMatch(k -> k.startsWith("reports/parts/")),
                "no callee's row is left in a tail: " + bucket.objects.keySet());
        assertTrue(bucket.uploads.isEmpty());
    }

    @Test
    void aRewriteStartedWhileAnotherIsUnderWayStopsTheOlderOneAndLeavesNothingOfIt() {
        reports.start(SPRING, T.plusSeconds(3600));
        reports.take(queued.poll());
        reports.take(queued.poll());
        CampaignReports.Step older = queued.poll();

        contacts.add(new ContactRecord("ct-99", "+33612345699", "late.csv", 2, ContactStatus.CALLABLE, 0, 0, T,
                List.of()));
        reports.start(SPRING, T.plusSeconds(7200));
        assertEquals(CampaignReports.Outcome.SUPERSEDED, reports.take(older));
        takeAll();

        assertArrayEquals(whole().csv(), bucket.objects.get(CampaignReport.csvKey(SPRING)));
        String summary = new String(bucket.objects.get(CampaignReport.summaryKey(SPRING)), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"contacts\" : 26") && summary.contains("2026-10-05T10:00:00.000Z"), summary);
        assertTrue(bucket.objects.keySet().stream().noneMatch(k -> k.startsWith("reports/parts/")));
        assertTrue(bucket.uploads.isEmpty(), "the older rewrite's parts are gone");
    }

    @Test
    void aStepDeliveredAgainAfterTheNextWasHandedOnFindsItsTailGoneAndChangesNothing() {
        reports.start(SPRING, T);
        reports.take(queued.poll());
        CampaignReports.Step second = queued.poll();
        assertEquals(CampaignReports.Outcome.CONTINUED, reports.take(second));
        assertEquals(1, queued.size());

        assertEquals(CampaignReports.Outcome.DONE_BEFORE, reports.take(second));
        assertEquals(1, queued.size(), "no second chain");
        takeAll();
        assertArrayEquals(whole().csv(), bucket.objects.get(CampaignReport.csvKey(SPRING)));
    }

    @Test
    void eachStepReadsOnePageWhateverTheCampaignsSize() {
        for (int i = 25; i < 400; i++) {
            contacts.add(new ContactRecord(String.format("ct-%03d", i), "+33612345678", "big.csv", i, ContactStatus
                    .CALLABLE, 0, 0, T, List.of()));
        }
        reports.start(SPRING, T);
        int steps = 0;
        int largestTail = 0;
        while (!queued.isEmpty()) {
            CampaignReports.Step step = queued.poll();
            if (step.written().tailKey() != null) {
                largestTail = Math.max(largestTail, bucket.objects.get(step.written().tailKey()).length);
            }
            int before = pagesRead[0];
            reports.take(step);
            assertEquals(before + 1, pagesRead[0], "one page a step");
            steps++;
        }
        assertEquals(100, steps);
        assertTrue(largestTail < PART, "what waits for the next step never fills a part");
        assertArrayEquals(whole().csv(), bucket.objects.get(CampaignReport.csvKey(SPRING)));
    }
}
