package com.outboundcalls.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoCampaignStats;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.infra.localcloud.ConnectSimulator;
import com.outboundcalls.infra.localcloud.SimulatedAgents;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.invoice.InvoiceExports;
import com.outboundcalls.report.CampaignCounters;
import com.outboundcalls.time.Zones;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo: a local cloud on a simulated month, the reference data, one contact file uploaded, the
 * pipeline left to run until every contact is settled, the monthly invoice run, the bucket's reports/ and
 * exports/ copied out, and a summary whose figures are cross-checked against each other.
 */
public final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoOptions options;

    public Demo(DemoOptions options) {
        this.options = options;
    }

    /** Everything the summary prints. */
    public record Result(String campaignKey, long rowsRead, long accepted, long skipped, long rejected,
                         Map<String, Long> rejectedByReason, long contactsStored, Map<ContactStatus, Long> statuses,
                         ConnectSimulator.Stats connect, long ratedCalls, long answeredCalls, long billedSeconds,
                         JsonNode invoice, BigDecimal usageFromCalls, List<String> checks, List<String> failedChecks,
                         Path out, Duration wallTime, Instant simulatedEnd, Map<String, String> functions,
                         long calleesOpposed, Map<String, Long> metrics, String fileReports,
                         Map<String, Long> faultsInjected, List<String> accessDenials, List<JsonNode> invoices,
                         SimulatedAgents.Figures agents) {

        public long pending() {
            return statuses.getOrDefault(ContactStatus.CALLABLE, 0L) + statuses.getOrDefault(ContactStatus.QUEUED, 0L)
                    + statuses.getOrDefault(ContactStatus.DIALING, 0L);
        }
    }

    public Result run() {
        long startedNanos = System.nanoTime();
        ZonedDateTime monthStart = options.month().atDay(1).atTime(LocalTime.of(8, 0)).atZone(Zones.BILLING);
        Instant monthEnd = options.month().plusMonths(1).atDay(1).atStartOfDay(Zones.BILLING).toInstant();
        LocalClock clock = LocalClock.simulated(monthStart.toInstant());
        String campaignId = "relance-" + options.month();
        try (LocalCloud cloud = LocalCloud.builder().clock(clock).seed(options.seed()).faults(options.faults())
                .connectQuotas(new ConnectSimulator.Quotas(2.0, 5, ReferenceData.DEMO_CONCURRENT_CALLS))
                .parameter("MaxConcurrentCalls", Integer.toString(ReferenceData.DEMO_CONCURRENT_CALLS)).start()) {
            String bucket = cloud.physicalName("ContactBucket");
            publishPriceList(cloud, bucket);
            Client client = ReferenceData.demoClient(options.clientId());
            Campaign campaign = ReferenceData.demoCampaign(options.clientId(), campaignId);
            ReferenceData.onboard(cloud, client, campaign, options.month().atDay(1));
            for (Client other : ReferenceData.OTHER_CLIENTS) {
                ReferenceData.onboardSubscriber(cloud, other, ReferenceData.otherClientIdentity(other.clientId()),
                        options.month().atDay(1));
            }

            byte[] file = options.contacts() != null ? read(options.contacts())
                    : SampleContacts.generate(options.sampleRows(), options.seed());
            String fileName = options.contacts() != null ? options.contacts().getFileName().toString() : "contacts.csv";
            // Through an upload link, as a client uploads in its space: the server chooses the key.
            String key = ReferenceData.upload(cloud, options.clientId(), campaignId, fileName, file);

            DynamoContactBook contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
            DynamoCampaignStats stats = new DynamoCampaignStats(cloud.dynamoDb(), cloud.physicalName("CampaignStatsTable"));
            // The campaign's counters (one read) say when to look; the contacts counted one by one decide.
            cloud.runUntil(monthEnd.minusSeconds(1), Duration.ofMinutes(15),
                    () -> settled(stats.counters(campaign.key()).orElse(new CampaignCounters(Map.of())))
                            && settled(contacts.countByStatus(campaign.key())));
            Instant simulatedEnd = clock.instant();
            // The month's calls are done: jump to the monthly invoice run (its last day, 23:30 Paris).
            cloud.skipTo(cloud.nextFire("InvoiceGeneratorFunction.EndOfMonth"));
            // The run's tasks are done when the month's files are written (the journal and the accounting entries,
            // each rewritten in its own chain of steps) and no task or step is left on the run's queue, in flight
            // included; a task that failed comes back after its queue's visibility timeout, as on AWS.
            String journal = InvoiceExports.journalKey(options.month());
            String accounting = InvoiceExports.fecKey(options.month());
            cloud.runUntil(cloud.clock().instant().plus(Duration.ofHours(6)), Duration.ofMinutes(1),
                    () -> exists(cloud, bucket, journal) && exists(cloud, bucket, accounting)
                            && cloud.queueDepth("InvoiceRunQueue") == 0);

            FunctionFigures functions = FunctionFigures.of(cloud);
            // The client's dashboard as of the end of the month (the hourly schedule keeps it current meanwhile).
            // Invoked as its schedule invokes it: asynchronously, tried again twice when it fails (under --faults a
            // function may be killed between two writes; the next attempt writes the same files). It asks for each
            // client's dashboard on the dashboard requests queue; a request that failed comes back after the queue's
            // visibility timeout, as on AWS.
            String tick = "{\"scheduledTime\":\"" + cloud.clock().instant() + "\"}";
            for (int attempt = 1; ; attempt++) {
                try {
                    cloud.function("DashboardFunction").invoke(tick);
                    break;
                } catch (RuntimeException failed) {
                    if (attempt == 3) {
                        throw failed;
                    }
                }
            }
            cloud.drain();
            if (cloud.queueDepth("DashboardRequestsQueue") > 0) {
                cloud.runUntil(cloud.clock().instant().plus(Duration.ofHours(2)), Duration.ofMinutes(1),
                        () -> cloud.queueDepth("DashboardRequestsQueue") == 0);
            }
            Path out = options.out();
            copyTree(cloud, bucket, "reports/", out);
            copyTree(cloud, bucket, "exports/", out);
            copyMails(cloud, out.resolve("mail"));
            functions.writeAwsCalls(out.resolve("aws-calls.tsv"));
            return summarize(cloud, contacts, campaign, key, out, startedNanos, simulatedEnd, functions.lines());
        }
    }

    /** Publishes the provider's price list through the import function, and checks it was accepted. */
    static void publishPriceList(LocalCloud cloud, String bucket) {
        cloud.s3().putObject(r -> r.bucket(bucket).key(ReferenceData.PRICE_LIST_KEY),
                RequestBody.fromBytes(ReferenceData.priceListCsv()));
        cloud.drain();
        JsonNode report = readJson(cloud, bucket, "reports/price-lists/default/" + ReferenceData.PRICE_LIST_VERSION
                + ".summary.json");
        if (!report.path("accepted").asBoolean()) {
            throw new IllegalStateException("the demo's price list was refused: " + report.path("reasons"));
        }
    }

    private static boolean settled(CampaignCounters counters) {
        long contacts = counters.count(CampaignCounters.CONTACTS);
        long settled = java.util.Arrays.stream(ContactStatus.values()).filter(ContactStatus::isFinal)
                .mapToLong(status -> counters.count(CampaignCounters.settled(status))).sum();
        return contacts > 0 && settled >= contacts;
    }

    private static boolean settled(Map<ContactStatus, Long> counts) {
        return counts.getOrDefault(ContactStatus.CALLABLE, 0L) + counts.getOrDefault(ContactStatus.QUEUED, 0L)
                + counts.getOrDefault(ContactStatus.DIALING, 0L) == 0 && !counts.isEmpty();
    }

    private Result summarize(LocalCloud cloud, DynamoContactBook contacts, Campaign campaign, String key, Path out,
                             long startedNanos, Instant simulatedEnd, Map<String, String> functions) {
        String bucket = cloud.physicalName("ContactBucket");
        String fileName = key.substring(key.lastIndexOf('/') + 1);
        JsonNode ingest = readJson(cloud, bucket, "reports/" + options.clientId() + "/" + campaign.campaignId() + "/"
                + fileName + ".summary.json");
        Map<String, Long> byReason = new TreeMap<>();
        ingest.path("rejectedByReason").fields().forEachRemaining(e -> byReason.put(e.getKey(), e.getValue().asLong()));
        Map<ContactStatus, Long> statuses = contacts.countByStatus(campaign.key());
        long stored = statuses.values().stream().mapToLong(Long::longValue).sum();

        String prefix = InvoiceExports.prefix(options.month());
        List<S3Object> exported = cloud.s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()
                .stream().toList();
        JsonNode invoice = null;
        String usageCsv = "";
        List<JsonNode> invoices = new ArrayList<>();
        boolean desExported = false;
        for (S3Object object : exported) {
            if (object.key().endsWith(".json")) {
                JsonNode document = readJson(cloud, bucket, object.key());
                invoices.add(document);
                if (object.key().endsWith("_" + options.clientId() + ".json")) {
                    invoice = document;
                }
            } else if (object.key().equals(InvoiceExports.desKey(options.month()))) {
                desExported = readText(cloud, bucket, object.key()).contains("BE0403170701");
            } else if (object.key().endsWith(options.clientId() + "_usage.csv")) {
                usageCsv = readText(cloud, bucket, object.key());
            }
        }
        long ratedCalls = 0;
        long answered = 0;
        long billedSeconds = 0;
        Map<String, Long> secondsByPrice = new TreeMap<>();
        for (String line : usageCsv.split("\n")) {
            if (line.isBlank() || line.startsWith("connect_contact_id")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            ratedCalls++;
            if (!cells[6].isEmpty()) {
                answered++;
            }
            long seconds = Long.parseLong(cells[8]);
            billedSeconds += seconds;
            if (seconds > 0 && !cells[9].isEmpty()) {
                secondsByPrice.merge(cells[3] + "|" + cells[4] + "|" + cells[5] + "|" + cells[9], seconds, Long::sum);
            }
        }
        BigDecimal usageFromCalls = BigDecimal.ZERO;
        for (Map.Entry<String, Long> e : secondsByPrice.entrySet()) {
            BigDecimal price = new BigDecimal(e.getKey().substring(e.getKey().lastIndexOf('|') + 1));
            usageFromCalls = usageFromCalls.add(price.multiply(BigDecimal.valueOf(e.getValue()))
                    .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
        }
        ConnectSimulator.Stats connectStats = cloud.connect().stats();

        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        long accepted = ingest.path("accepted").asLong();
        check(accepted == stored, "contacts accepted (" + accepted + ") = contacts stored (" + stored + ")", passed, failed);
        long reached = statuses.getOrDefault(ContactStatus.REACHED, 0L);
        long unsuccessful = statuses.getOrDefault(ContactStatus.UNSUCCESSFUL, 0L);
        long notReached = statuses.getOrDefault(ContactStatus.NOT_REACHED, 0L);
        long opposed = statuses.getOrDefault(ContactStatus.OPPOSED, 0L);
        long pending = statuses.entrySet().stream().filter(e -> !e.getKey().isFinal())
                .mapToLong(Map.Entry::getValue).sum();
        check(reached + unsuccessful + notReached + opposed + pending == accepted, "reached (" + reached
                + ") + unsuccessful (" + unsuccessful + ") + not reached (" + notReached + ") + opposed (" + opposed
                + ") + pending (" + pending + ") = accepted (" + accepted + ")", passed, failed);
        check(ratedCalls == connectStats.callsPlaced(), "rated calls (" + ratedCalls + ") = calls placed in Connect ("
                + connectStats.callsPlaced() + ")", passed, failed);
        BigDecimal usageOnInvoice = BigDecimal.ZERO;
        if (invoice != null) {
            for (JsonNode line : invoice.path("lines")) {
                if ("usage".equals(line.path("kind").asText())) {
                    usageOnInvoice = usageOnInvoice.add(new BigDecimal(line.path("amount").asText()));
                }
            }
        }
        check(invoice != null && usageOnInvoice.compareTo(usageFromCalls) == 0, "invoice usage ("
                + usageOnInvoice + ") = the month's rated calls summed per rate (" + usageFromCalls + ")", passed, failed);
        // The campaign's counters, kept as changes happened, agree with a count of the contacts and calls.
        CampaignCounters counters = new DynamoCampaignStats(cloud.dynamoDb(), cloud.physicalName("CampaignStatsTable"))
                .counters(campaign.key()).orElse(new CampaignCounters(Map.of()));
        check(counters.count(CampaignCounters.CONTACTS) == accepted
                        && counters.count(CampaignCounters.settled(ContactStatus.REACHED)) == reached
                        && counters.count(CampaignCounters.settled(ContactStatus.NOT_REACHED)) == notReached
                        && counters.count(CampaignCounters.settled(ContactStatus.OPPOSED)) == opposed
                        && counters.count(CampaignCounters.CALLS) == ratedCalls
                        && counters.count(CampaignCounters.ANSWERED) == answered
                        && counters.count(CampaignCounters.BILLED_SECONDS) == billedSeconds,
                "campaign counters (contacts " + counters.count(CampaignCounters.CONTACTS) + ", reached "
                        + counters.count(CampaignCounters.settled(ContactStatus.REACHED)) + ", calls "
                        + counters.count(CampaignCounters.CALLS) + ", answered " + counters.count(CampaignCounters.ANSWERED)
                        + ", billed seconds " + counters.count(CampaignCounters.BILLED_SECONDS)
                        + ") = the contacts and rated calls counted one by one", passed, failed);
        check(ingest.path("rowsRead").asLong() == accepted + ingest.path("rejected").asLong()
                        + ingest.path("skipped").asLong(),
                "rows read = accepted + rejected + skipped", passed, failed);
        // Each client's invoice carries the VAT of its place, and the Belgian one is declared in the month's DES.
        Map<String, String> expectedVat = Map.of(options.clientId(), "S 0.20", "bruxelles-appels", "AE 0",
                "ocean-indien", "S 0.085");
        for (Map.Entry<String, String> e : expectedVat.entrySet()) {
            JsonNode document = invoices.stream().filter(d -> e.getKey().equals(d.path("client_id").asText())
                    && "invoice".equals(d.path("type").asText())).findFirst().orElse(null);
            JsonNode vat = document == null ? null : document.path("vat_breakdown").path(0);
            String treatment = vat == null ? "none" : vat.path("category").asText() + " " + vat.path("rate").asText();
            boolean amountRight = vat != null && new BigDecimal(vat.path("amount").asText()).compareTo(
                    new BigDecimal(document.path("total_excl_vat").asText()).multiply(new BigDecimal(vat.path("rate")
                            .asText())).setScale(2, RoundingMode.HALF_UP)) == 0;
            check(treatment.equals(e.getValue()) && amountRight, e.getKey() + "'s invoice: VAT " + treatment
                    + " (expected " + e.getValue() + "), amount = total excl. VAT x rate", passed, failed);
        }
        check(desExported, "the month's European services declaration lists the Belgian client", passed, failed);
        // The accounting entries of the month the invoices were issued in: each balances, and the sales journal's
        // receivables are the invoices' totals.
        java.time.YearMonth issuedIn = invoice == null ? options.month()
                : java.time.YearMonth.from(java.time.LocalDate.parse(invoice.path("issue_date").asText()));
        String fecKey = InvoiceExports.fecKey(issuedIn);
        List<String[]> fec = exported(cloud, bucket, fecKey) ? readText(cloud, bucket, fecKey).lines().skip(1)
                .map(l -> l.split("\\|", -1)).toList() : List.of();
        Map<String, BigDecimal> balance = new TreeMap<>();
        BigDecimal receivables = BigDecimal.ZERO;
        for (String[] row : fec) {
            BigDecimal debit = new BigDecimal(row[11].replace(',', '.'));
            BigDecimal credit = new BigDecimal(row[12].replace(',', '.'));
            balance.merge(row[2], debit.subtract(credit), BigDecimal::add);
            if (row[0].equals("VE") && row[4].equals("411000")) {
                receivables = receivables.add(debit).subtract(credit);
            }
        }
        BigDecimal invoiced = invoices.stream().map(d -> new BigDecimal(d.path("total_incl_vat").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        check(!fec.isEmpty() && balance.values().stream().allMatch(b -> b.signum() == 0)
                        && receivables.compareTo(invoiced) == 0, "accounting entries (" + fecKey + "): "
                        + balance.size() + " entries, each balanced; receivables " + receivables + " = invoices "
                        + invoiced, passed, failed);
        check(cloud.accessDenials().isEmpty(), "no AWS call refused by its function's role (" + cloud.accessDenials().size()
                + " refused)", passed, failed);
        return new Result(campaign.key(), ingest.path("rowsRead").asLong(), accepted, ingest.path("skipped").asLong(),
                ingest.path("rejected").asLong(), byReason, stored, statuses, connectStats, ratedCalls, answered,
                billedSeconds, invoice, usageFromCalls, passed, failed, out,
                Duration.ofNanos(System.nanoTime() - startedNanos), simulatedEnd, functions,
                new com.outboundcalls.aws.DynamoOppositionList(cloud.dynamoDb(), cloud.physicalName("OppositionsTable"))
                        .count(options.clientId()), cloud.metrics(),
                "reports/" + options.clientId() + "/" + campaign.campaignId() + "/" + fileName,
                cloud.faultsInjected(), cloud.accessDenials(), invoices,
                cloud.connect().agentFigures(ReferenceData.DEMO_QUEUE, options.month().atDay(1).atStartOfDay(Zones.BILLING)
                        .toInstant(), simulatedEnd));
    }

    private static void check(boolean ok, String what, List<String> passed, List<String> failed) {
        (ok ? passed : failed).add(what);
    }

    /** The summary as printed. */
    public static String render(Result r) {
        StringBuilder s = new StringBuilder();
        s.append("Outbound calls back office - local demo\n");
        s.append(String.format("  campaign            %s%n", r.campaignKey()));
        s.append(String.format("  contact file        %d rows read: %d accepted, %d rejected, %d skipped (blank)%n",
                r.rowsRead(), r.accepted(), r.rejected(), r.skipped()));
        r.rejectedByReason().forEach((reason, n) -> s.append(String.format("      rejected %-15s %d%n", reason, n)));
        s.append(String.format("  agents              %d, predictive: occupancy %.1f %% of their logged-in time, abandonment "
                        + "%.2f %% (%d of %d answered), callee wait for an agent median %d ms, 95th percentile %d ms%n",
                ReferenceData.DEMO_AGENTS, 100 * r.agents().occupancy(), 100 * r.agents().abandonmentRate(),
                r.agents().abandoned(), r.agents().answered(), r.agents().medianWaitMillis(),
                r.agents().p95WaitMillis()));
        s.append(String.format("  calls placed        %d (answered %d; throttled by Connect %d, limit exceeded %d,"
                        + " max concurrent %d)%n", r.connect().callsPlaced(), r.answeredCalls(), r.connect().throttled(),
                r.connect().limitExceeded(), r.connect().maxConcurrentSeen()));
        s.append(String.format("  contacts            %d reached, %d unsuccessful (hung up at once), %d not reached,"
                        + " %d still pending%n", r.statuses().getOrDefault(ContactStatus.REACHED, 0L),
                r.statuses().getOrDefault(ContactStatus.UNSUCCESSFUL, 0L),
                r.statuses().getOrDefault(ContactStatus.NOT_REACHED, 0L), r.pending()));
        s.append(String.format("  opposition list     %d callees asked not to be called again%n", r.calleesOpposed()));
        s.append(String.format("  billed              %d s = %d min %02d s over %d rated calls%n", r.billedSeconds(),
                r.billedSeconds() / 60, r.billedSeconds() % 60, r.ratedCalls()));
        if (r.invoice() != null) {
            JsonNode i = r.invoice();
            s.append(String.format("  invoice             %s for %s, issued %s, due %s%n", i.path("number").asText(),
                    i.path("period").asText(), i.path("issue_date").asText(), i.path("due_date").asText()));
            for (JsonNode line : i.path("lines")) {
                s.append(String.format("      %-6s %-60s %10s EUR%n", line.path("kind").asText(),
                        line.path("description").asText(), line.path("amount").asText()));
            }
            s.append(String.format("      total excl. VAT %s EUR, VAT %s EUR, total incl. VAT %s EUR%n",
                    i.path("total_excl_vat").asText(), i.path("vat_amount").asText(), i.path("total_incl_vat").asText()));
            String stem = "exports/invoices/" + i.path("period").asText() + "/" + i.path("number").asText() + "_"
                    + i.path("client_id").asText();
            s.append(String.format("      files: %s.pdf, %s_facturx.pdf (Factur-X EN 16931), %s.json,%n"
                    + "             exports/invoices/%s/journal-%s.csv%n", stem, stem, stem,
                    i.path("period").asText(), i.path("period").asText()));
        } else {
            s.append("  invoice             none was exported\n");
        }
        s.append("  VAT by client's place\n");
        for (JsonNode document : r.invoices()) {
            JsonNode vat = document.path("vat_breakdown").path(0);
            s.append(String.format("      %-12s %-28s %-3s %6s %% on %10s EUR = VAT %8s EUR %s%n",
                    document.path("number").asText(), document.path("buyer").path("name").asText() + " ("
                            + document.path("buyer").path("country").asText() + ")",
                    vat.path("category").asText(), new BigDecimal(vat.path("rate").asText()).movePointRight(2)
                            .stripTrailingZeros().toPlainString(), vat.path("base").asText(), vat.path("amount").asText(),
                    vat.path("exemption_reason").isNull() || vat.path("exemption_reason").isMissingNode() ? ""
                            : "(" + vat.path("exemption_reason").asText() + ")"));
        }
        double seconds = r.wallTime().toMillis() / 1000.0;
        s.append(String.format("  simulated until     %s; wall time %.1f s (%.1f calls placed and rated per second)%n",
                r.simulatedEnd(), seconds, r.connect().callsPlaced() / Math.max(0.001, seconds)));
        r.functions().forEach((id, figures) -> s.append(String.format("      %-26s %s%n", id, figures)));
        s.append("  metrics             as CloudWatch sums the functions' Embedded Metric Format lines\n");
        r.metrics().forEach((metric, sum) -> s.append(String.format("      %-58s %,d%n", metric, sum)));
        s.append(String.format("  output              %s (reports/ and exports/)%n", r.out().toAbsolutePath()));
        s.append(String.format("  dashboard           %s%n", r.out().resolve("reports/" + r.campaignKey().split("#")[0]
                + "/dashboard/index.html").toAbsolutePath()));
        if (!r.faultsInjected().isEmpty()) {
            s.append("  faults injected     ");
            s.append(String.join(", ", r.faultsInjected().entrySet().stream().map(e -> e.getKey().toLowerCase(
                    java.util.Locale.ROOT) + " " + e.getValue()).toList())).append('\n');
        }
        s.append(String.format("  least privilege     %d AWS calls refused by the functions' roles%n", r.accessDenials().size()));
        r.accessDenials().stream().limit(20).forEach(d -> s.append("      refused ").append(d).append('\n'));
        s.append("  checks\n");
        r.checks().forEach(c -> s.append("      ok      ").append(c).append('\n'));
        r.failedChecks().forEach(c -> s.append("      FAILED  ").append(c).append('\n'));
        return s.toString();
    }

    /** The mails the functions sent (the SES stand-in kept them): one text file and one HTML file each. */
    private static void copyMails(LocalCloud cloud, Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            int n = 0;
            for (var mail : cloud.ses().sent()) {
                String name = String.format("%02d-%s", ++n, mail.subject().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
                java.nio.file.Files.writeString(dir.resolve(name + ".txt"), "From: " + mail.from() + "\nTo: "
                        + String.join(", ", mail.to()) + "\nSubject: " + mail.subject() + "\nDate: " + mail.at()
                        + "\n\n" + mail.text());
                if (mail.html() != null) {
                    java.nio.file.Files.writeString(dir.resolve(name + ".html"), mail.html());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean exists(LocalCloud cloud, String bucket, String key) {
        return cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix(key).maxKeys(1)).keyCount() > 0;
    }

    private static void copyTree(LocalCloud cloud, String bucket, String prefix, Path out) {
        cloud.s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().forEach(object -> {
            Path target = out.resolve(object.key());
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JsonNode readJson(LocalCloud cloud, String bucket, String key) {
        try {
            return JSON.readTree(readText(cloud, bucket, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exported(LocalCloud cloud, String bucket, String key) {
        return !cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents().isEmpty();
    }

    private static String readText(LocalCloud cloud, String bucket, String key) {
        return new String(cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray(),
                StandardCharsets.UTF_8);
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
