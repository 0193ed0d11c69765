package com.outboundcalls.report;

import com.outboundcalls.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.files.SafeCsv;
import com.outboundcalls.time.Times;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's report for its client: one row per contact with its status, attempts and the whole history of
 * decisions taken about it, and a summary by status. UTF-8 with a BOM, {@code ;} between cells, text cells
 * formula-safe, so it opens as it is in a French spreadsheet. It is the client's own data, under its own
 * reports/ prefix; nothing of it goes to logs.
 */
public final class CampaignReport {

    public static final String HEADER = "contact_id;source_row;phone;status;attempts;uncounted_attempts;due_at;"
            + "last_decision_at;last_decision;history";

    private final StringBuilder csv = new StringBuilder();
    private final Map<ContactStatus, Long> byStatus = new EnumMap<>(ContactStatus.class);
    private final Map<String, Long> lastDecisions = new TreeMap<>();
    private long contacts;
    private long attempts;

    public static String csvKey(Campaign campaign) {
        return "reports/" + campaign.clientId() + "/" + campaign.campaignId() + "/campaign-report.csv";
    }

    public static String summaryKey(Campaign campaign) {
        return "reports/" + campaign.clientId() + "/" + campaign.campaignId() + "/campaign-report.summary.json";
    }

    public void add(ContactRecord c) {
        contacts++;
        attempts += c.attempts();
        byStatus.merge(c.status(), 1L, Long::sum);
        ContactRecord.Decision last = c.history().isEmpty() ? null : c.history().get(c.history().size() - 1);
        if (last != null) {
            lastDecisions.merge(last.event(), 1L, Long::sum);
        }
        StringBuilder history = new StringBuilder();
        for (ContactRecord.Decision d : c.history()) {
            if (!history.isEmpty()) {
                history.append(" | ");
            }
            history.append(Times.iso(d.at())).append(' ').append(d.event());
            if (d.detail() != null && !d.detail().isEmpty()) {
                history.append(": ").append(d.detail());
            }
        }
        csv.append(cell(c.contactId())).append(';')
                .append(c.sourceRow() > 0 ? Integer.toString(c.sourceRow()) : "").append(';')
                .append(cell(c.e164())).append(';')
                .append(c.status().name()).append(';')
                .append(c.attempts()).append(';')
                .append(c.uncountedAttempts()).append(';')
                .append(c.dueAt() == null || c.status().isFinal() ? "" : Times.iso(c.dueAt())).append(';')
                .append(last == null ? "" : Times.iso(last.at())).append(';')
                .append(last == null ? "" : cell(last.event() + (last.detail() == null || last.detail().isEmpty()
                        ? "" : ": " + last.detail()))).append(';')
                .append(cell(history.toString()))
                .append("\r\n");
    }

    /** The whole file of the contacts added: the BOM, the header and their rows. */
    public byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header());
        out.writeBytes(rows());
        return out.toByteArray();
    }

    /** The file's beginning: the BOM and the header line. */
    public static byte[] header() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The rows of the contacts added. */
    public byte[] rows() {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the summary counts, summed from page to page: contacts, attempts, contacts by status and by their last
     * decision.
     */
    public record Tally(long contacts, long attempts, Map<String, Long> byStatus, Map<String, Long> lastDecisions) {

        public static final Tally NONE = new Tally(0, 0, Map.of(), Map.of());

        public Tally {
            byStatus = Map.copyOf(byStatus);
            lastDecisions = Map.copyOf(lastDecisions);
        }

        public Tally plus(Tally other) {
            Map<String, Long> statuses = new TreeMap<>(byStatus);
            other.byStatus.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            Map<String, Long> last = new TreeMap<>(lastDecisions);
            other.lastDecisions.forEach((k, v) -> last.merge(k, v, Long::sum));
            return new Tally(contacts + other.contacts, attempts + other.attempts, statuses, last);
        }
    }

    /** The counts of the contacts added. */
    public Tally tally() {
        Map<String, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, n) -> statuses.put(status.name(), n));
        return new Tally(contacts, attempts, statuses, lastDecisions);
    }

    public byte[] summary(Campaign campaign, Instant at) {
        return summary(campaign, at, tally());
    }

    /** The summary: the campaign, as of when, and the counts over all its contacts. */
    public static byte[] summary(Campaign campaign, Instant at, Tally tally) {
        ObjectNode root = JsonTrees.object();
        root.put("clientId", campaign.clientId());
        root.put("campaignId", campaign.campaignId());
        root.put("campaignStatus", campaign.status().name());
        root.put("asOf", Times.iso(at));
        root.put("contacts", tally.contacts());
        root.put("attempts", tally.attempts());
        ObjectNode statuses = root.putObject("byStatus");
        // In the statuses' order, as before.
        for (ContactStatus status : ContactStatus.values()) {
            Long n = tally.byStatus().get(status.name());
            if (n != null) {
                statuses.put(status.name(), n);
            }
        }
        ObjectNode last = root.putObject("byLastDecision");
        new TreeMap<>(tally.lastDecisions()).forEach(last::put);
        return JsonTrees.writePretty(root);
    }

    private static String cell(String value) {
        return SafeCsv.quoted(value, ';');
    }
}
