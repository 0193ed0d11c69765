package com.outboundcalls.account;

import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.files.ObjectSink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Callees' data is kept no longer than the client's purpose needs: once a campaign has ended (finished, or past its
 * last day), its contacts and their histories expire a set time later (DynamoDB TTL deletes them), and so do its
 * reports that name callees (the campaign report, the files' rejected rows), every version included. The rated
 * calls, kept ten years for billing, hold no number. Runs every night; each run does a bounded share and the next
 * goes on, so that no run grows with the size of a campaign; each client has a run of its own, so that none grows with
 * the number of clients.
 */
public final class CalleeDataRetention {

    /** Where a campaign's retention stands. */
    public record Mark(String campaignKey, Instant expiresAt, boolean contactsDone, boolean reportsDeleted) {
    }

    /** The marks, one per ended campaign. */
    public interface Marks {
        Optional<Mark> of(String campaignKey);

        void save(Mark mark);
    }

    /** What a night's run did. */
    public record Result(List<String> started, long contactsGivenAnExpiry, List<String> reportsDeleted) {
    }

    private final AccountRecords accounts;
    private final ContactBook contacts;
    private final ObjectSink reports;
    private final Marks marks;
    private final Duration retention;
    private final int contactsPerRun;
    private final Clock clock;

    /**
     * @param retention      how long after a campaign ends its callees' data is kept, unless the client's instructions
     *                       set their own
     * @param contactsPerRun how many of a client's contacts one run gives an expiry at most (the next run goes on)
     */
    public CalleeDataRetention(AccountRecords accounts, ContactBook contacts, ObjectSink reports, Marks marks,
                               Duration retention, int contactsPerRun, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.reports = reports;
        this.marks = marks;
        this.retention = retention;
        this.contactsPerRun = contactsPerRun;
        this.clock = clock;
    }

    /** A night's share for one client's ended campaigns; nothing for a client that does not exist (any more). */
    public Result run(String clientId) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(com.outboundcalls.time.Zones.BILLING).toLocalDate();
        List<String> started = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        long given = 0;
        int budget = contactsPerRun;
        Optional<ClientProfile> found = accounts.profile(clientId);
        if (found.isEmpty()) {
            return new Result(started, given, deleted);
        }
        ClientProfile profile = found.get();
        for (AccountRecords.VersionedCampaign versioned : accounts.campaigns(clientId)) {
            Campaign campaign = versioned.campaign();
            if (!ended(campaign, today)) {
                continue;
            }
            String key = campaign.key();
            Mark mark = marks.of(key).orElse(null);
            if (mark == null) {
                mark = new Mark(key, now.plus(retentionOf(profile)), false, false);
                marks.save(mark);
                started.add(key);
            }
            if (!mark.contactsDone() && budget > 0) {
                int asked = budget;
                int done = contacts.expireBy(key, mark.expiresAt(), asked);
                given += done;
                budget -= done;
                if (done < asked) {
                    // fewer than asked: every contact of the campaign has its expiry
                    mark = new Mark(key, mark.expiresAt(), true, mark.reportsDeleted());
                    marks.save(mark);
                }
            }
            if (!mark.reportsDeleted() && !now.isBefore(mark.expiresAt())) {
                reports.deleteAllUnder("reports/" + campaign.clientId() + "/" + campaign.campaignId() + "/");
                marks.save(new Mark(key, mark.expiresAt(), mark.contactsDone(), true));
                deleted.add(key);
            }
        }
        return new Result(started, given, deleted);
    }

    /** The client's own retention when its instructions set one, the provider's default otherwise. */
    private Duration retentionOf(ClientProfile profile) {
        Integer days = profile.client().calleeData().retentionDays();
        return days == null ? retention : Duration.ofDays(days);
    }

    private static boolean ended(Campaign campaign, LocalDate today) {
        return campaign.status() == Campaign.Status.FINISHED
                || campaign.endsOn() != null && campaign.endsOn().isBefore(today);
    }
}
