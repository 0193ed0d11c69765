package com.outboundcalls.infra.benchmarks;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoUploads;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.contact.OppositionList;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.ingest.ContactFileReader;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.ContactStore;
import com.outboundcalls.ingest.FileLedger;
import com.outboundcalls.ingest.IngestCheckpoint;
import com.outboundcalls.ingest.IngestSummary;
import com.outboundcalls.ingest.Upload;
import com.outboundcalls.ingest.UploadRegistry;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Contact-file throughput on a generated file (Windows-1252, semicolons, accents, 2 % bad rows): the bare
 * parse (decode and split every row), then full validation (the same plus libphonenumber, consent, batching,
 * the rejects report) with stores that keep nothing; rows per second and peak heap for each, and their ratio.
 * With {@code --e2e}, the same file is then ingested through the local cloud (S3, the contact-ingest
 * function, DynamoDB Local) and the time printed. Prints figures; asserts nothing.
 */
public final class ContactFileBenchmark {

    private static final String[] FIRST = {"Hélène", "Jérôme", "Zoé", "Noël", "Anaïs", "Gaël", "Chloé", "Léa"};
    private static final String[] LAST = {"Lefèvre", "Dupré", "Bénard", "Çelik", "Faure", "Müller", "Moreau"};

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        boolean e2e = false;
        boolean ratio = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--e2e" -> e2e = true;
                case "--e2e-only" -> {
                    e2e = true;
                    ratio = false;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path file = Files.createTempFile("contacts-bench-", ".csv");
        try {
            generate(file, rows);
            System.out.printf("Generated %,d rows, %,d bytes (windows-1252, ';')%n", rows, Files.size(file));
            if (ratio) {
                // Two warm-up passes of each, then five measured passes of each, alternating; the median pass counts.
                for (int i = 0; i < 2; i++) {
                    parse(file);
                    validate(file);
                }
                List<Result> parses = new ArrayList<>();
                List<Result> validations = new ArrayList<>();
                for (int i = 0; i < PASSES; i++) {
                    parses.add(measure(() -> parse(file)));
                    validations.add(measure(() -> validate(file)));
                }
                Result parse = median(parses);
                Result validate = median(validations);
                System.out.printf("Passes (s): parse %s; validation %s%n", seconds(parses), seconds(validations));
                System.out.printf("Bare parse:  %,10.0f rows/s, peak heap %,5d MB, %.2f s elapsed, %.2f s of CPU%n",
                        parse.rowsPerSecond(rows), parse.peakHeapMb, parse.nanos / 1e9, parse.cpuNanos / 1e9);
                System.out.printf("Validation:  %,10.0f rows/s, peak heap %,5d MB, %.2f s elapsed, %.2f s of CPU "
                                + "(%d processors)%n", validate.rowsPerSecond(rows), validate.peakHeapMb, validate.nanos / 1e9, validate.cpuNanos / 1e9,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("Validation takes %.2fx the bare parse (target: within 3x; heap target: under "
                        + "256 MB)%n", (double) validate.nanos / parse.nanos);
            }
            if (e2e) {
                endToEnd(file, rows);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private record Result(long nanos, long cpuNanos, long peakHeapMb) {
        double rowsPerSecond(int rows) {
            return rows / (nanos / 1e9);
        }
    }

    private static final int PASSES = 5;

    private static Result median(List<Result> passes) {
        List<Result> sorted = new ArrayList<>(passes);
        sorted.sort(java.util.Comparator.comparingLong(Result::nanos));
        return sorted.get(sorted.size() / 2);
    }

    private static String seconds(List<Result> passes) {
        return passes.stream().map(r -> String.format("%.2f", r.nanos / 1e9))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static Result measure(Runnable task) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        task.run();
        long nanos = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuStart;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Result(nanos, cpu, peak >> 20);
    }

    static void generate(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(file)),
                Charset.forName("windows-1252")), 1 << 16)) {
            out.write("Nom;Prénom;Téléphone;Société;Référence\r\n");
            for (int i = 0; i < rows; i++) {
                String phone;
                int kind = random.nextInt(100);
                if (kind < 1) {
                    phone = "12345";
                } else if (kind < 2) {
                    phone = "";
                } else if (kind < 60) {
                    phone = String.format("06 1%d %02d %02d %02d", i / 1_000_000 % 10, i / 10_000 % 100, i / 100 % 100, i % 100);
                } else {
                    phone = String.format("075%07d", i % 10_000_000);
                }
                out.write(LAST[random.nextInt(LAST.length)] + ";" + FIRST[random.nextInt(FIRST.length)] + ";" + phone
                        + ";Société " + (i % 5000) + ";R-" + i + "\r\n");
            }
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parse(Path file) {
        long count = 0;
        try (InputStream in = open(file); ContactFileReader.Rows rows = new ContactFileReader().open(in, null)) {
            for (ContactFileReader.Row row = rows.next(); row != null; row = rows.next()) {
                count += row.cells().size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    private static IngestSummary validate(Path file) {
        Client client = new Client("bench", "Bench", "FR", new Client.Tariff(3, Duration.ofHours(2)),
                Client.AccountStatus.ACTIVE, null);
        Campaign campaign = new Campaign("bench", "run", Campaign.Status.ACTIVE, null, null, 1);
        AccountDirectory accounts = new AccountDirectory() {
            @Override
            public Optional<Client> client(String clientId) {
                return Optional.of(client);
            }

            @Override
            public Optional<Campaign> campaign(String clientId, String campaignId) {
                return Optional.of(campaign);
            }

            @Override
            public List<Campaign> activeCampaigns() {
                return List.of(campaign);
            }

            @Override
            public List<Client> clients() {
                return List.of(client);
            }
        };
        ContactStore discard = batch -> {
            List<ContactStore.AddResult> results = new ArrayList<>(batch.size());
            for (NewContact ignored : batch) {
                results.add(ContactStore.AddResult.of(ContactStore.Outcome.ADDED));
            }
            return results;
        };
        OppositionList none = new OppositionList() {
            @Override
            public Set<String> opposed(String clientId, Collection<String> e164s) {
                return Set.of();
            }

            @Override
            public void addAll(List<Opposition> oppositions) {
            }
        };
        FileLedger ledger = new FileLedger() {
            @Override
            public Optional<String> completedSummary(String fileId) {
                return Optional.empty();
            }

            @Override
            public void markCompleted(String fileId, String summaryJson) {
            }

            @Override
            public Optional<IngestCheckpoint> checkpoint(String fileId) {
                return Optional.empty();
            }

            @Override
            public boolean saveCheckpoint(String fileId, IngestCheckpoint checkpoint) {
                return true;
            }

            @Override
            public void markHandedOver(String fileId, int leg) {
            }
        };
        ObjectSink sink = new ObjectSink() {
            @Override
            public void put(String key, byte[] content, String contentType) {
            }

            @Override
            public void put(String key, Path content, String contentType) {
            }

            @Override
            public InputStream open(String key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(String key) {
            }

            @Override
            public boolean exists(String key) {
                return false;
            }

            @Override
            public int deleteAllUnder(String prefix) {
                return 0;
            }

            @Override
            public String startUpload(String key, String contentType) {
                return key;
            }

            @Override
            public String uploadPart(String key, String uploadId, int number, byte[] content) {
                return Integer.toString(number);
            }

            @Override
            public void completeUpload(String key, String uploadId, java.util.List<String> tags) {
            }

            @Override
            public void abortUpload(String key, String uploadId) {
            }
        };
        // The benchmark's file counts as uploaded through a link of the client space.
        UploadRegistry granted = new UploadRegistry() {
            @Override
            public void record(Upload upload) {
            }

            @Override
            public Optional<Upload> find(String key) {
                return Optional.of(new Upload(key, "bench", "run", "contacts.csv", 0, "bench", Instant.EPOCH,
                        Instant.EPOCH));
            }
        };
        ContactIngestion ingestion = new ContactIngestion(accounts, discard, none, ledger, sink, (f, leg) -> { },
                granted, Clock.systemUTC(), ContactIngestion.Limits.DEFAULT,
                com.outboundcalls.ingest.ContactIds.keyed("the benchmark's own contact id key, 32+ bytes"));
        Supplier<InputStream> content = () -> open(file);
        return ingestion.ingest(new ContactIngestion.UploadedFile("bench", "incoming/bench/run/contacts.csv", null, "v1",
                0), content);
    }

    private static void endToEnd(Path file, int rows) throws IOException {
        System.out.println("End to end through the local cloud (S3 -> contact-ingest -> DynamoDB Local)...");
        try (LocalCloud cloud = LocalCloud.builder().start()) {
            DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
            accounts.putClient(new Client("bench", "Bench", "FR", new Client.Tariff(3, Duration.ofHours(2)),
                    Client.AccountStatus.ACTIVE, null));
            accounts.putCampaign(new Campaign("bench", "run", Campaign.Status.PAUSED, null, null, 1));
            String bucket = cloud.physicalName("ContactBucket");
            // The upload granted as the client space grants it (the link's record), then the file.
            new DynamoUploads(cloud.dynamoDb(), cloud.physicalName("ContactsTable")).record(new Upload(
                    "incoming/bench/run/contacts.csv", "bench", "run", "contacts.csv", Files.size(file), "bench",
                    Instant.now(), Instant.now().plusSeconds(900)));
            long start = System.nanoTime();
            cloud.s3().putObject(r -> r.bucket(bucket).key("incoming/bench/run/contacts.csv"), RequestBody.fromFile(file));
            cloud.drain();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Ingested %,d rows end to end in %.1f s (%,.0f rows/s)%n", rows, seconds, rows / seconds);
            String summary = cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                    .key("reports/bench/run/contacts.csv.summary.json")).asUtf8String();
            // The summary's accepted count is what was written (counting a million items back through DynamoDB
            // Local's Query exhausts its memory).
            System.out.println(summary);
        }
    }
}
