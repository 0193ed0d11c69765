package com.outboundcalls.infra.architecture;

import com.outboundcalls.infra.benchmarks.ColdStartBenchmark;
import com.outboundcalls.infra.launcher.ReferenceData;
import com.outboundcalls.infra.localcloud.CloudTemplate;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.time.Zones;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment jars (built by {@code mvn package}, before this module's tests): each carries the SDK clients of the
 * services its functions' policies in template.yaml allow, and no other; and each function, started from its jar
 * alone in a fresh JVM, answers an event.
 */
class FunctionJarsTest {

    /** The SDK module of each service the policies name (IAM prefixes and SAM policy templates). */
    private static final Map<String, String> SDK_OF = Map.ofEntries(Map.entry("dynamodb", "dynamodb"),
            Map.entry("sqs", "sqs"), Map.entry("s3", "s3"), Map.entry("connect", "connect"),
            Map.entry("cognito-idp", "cognitoidentityprovider"), Map.entry("ses", "sesv2"),
            Map.entry("secretsmanager", "secretsmanager"), Map.entry("DynamoDBReadPolicy", "dynamodb"),
            Map.entry("DynamoDBCrudPolicy", "dynamodb"), Map.entry("SQSSendMessagePolicy", "sqs"),
            Map.entry("SQSPollerPolicy", "sqs"), Map.entry("S3ReadPolicy", "s3"), Map.entry("S3CrudPolicy", "s3"));
    private static final Set<String> SDK_SERVICES = new TreeSet<>(SDK_OF.values());

    private final Path root = CloudTemplate.locate(Path.of("")).getParent();
    private final CloudTemplate template = CloudTemplate.load(root.resolve("template.yaml"));

    @Test
    void eachJarCarriesTheSdkClientsOfTheServicesItsFunctionsPoliciesAllowAndNoOther() throws IOException {
        Map<String, Set<String>> needed = new TreeMap<>();
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            Set<String> services = needed.computeIfAbsent((String) template.properties(id).get("CodeUri"),
                    jar -> new TreeSet<>());
            collect(template.properties(id).get("Policies"), services);
        }
        Map<String, Set<String>> carried = new TreeMap<>();
        for (String jar : needed.keySet()) {
            Path file = root.resolve(jar);
            assertTrue(Files.isRegularFile(file), file + " is not built: this test reads the jars mvn package makes");
            Set<String> services = new TreeSet<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                zip.stream().map(e -> e.getName().split("/")).filter(p -> p.length > 4
                                && p[0].equals("software") && p[3].equals("services") && SDK_SERVICES.contains(p[4]))
                        .forEach(p -> services.add(p[4]));
            }
            carried.put(jar, services);
        }
        assertEquals(needed, carried);
    }

    @Test
    void everyFunctionAnswersAnEventFromItsJarAloneInAFreshJvm() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.wall()).start()) {
            ReferenceData.onboard(cloud, ReferenceData.demoClient("cold"), ReferenceData.demoCampaign("cold", "start"),
                    LocalDate.now(Zones.BILLING).withDayOfMonth(1).minusMonths(1));
            ColdStartBenchmark coldStarts = new ColdStartBenchmark(cloud);
            List<String> failed = new ArrayList<>();
            for (String id : ColdStartBenchmark.functions()) {
                String outcome = coldStarts.coldStart(id).outcome();
                if (!outcome.equals("ok")) {
                    failed.add(id + ": " + outcome);
                }
            }
            assertEquals(List.of(), failed);
            // Started as from SnapStart's snapshot: the priming (org.crac, in the jar) runs, then the invocation.
            assertEquals("ok", coldStarts.primedStart("DialerFunction").outcome());
            // The invoice run went as far as the Factur-X (Mustang) in its jar: last month's invoice of the client.
            String bucket = cloud.physicalName("ContactBucket");
            assertTrue(cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix("exports/invoices/")).contents().stream()
                    .anyMatch(o -> o.key().endsWith("_cold_facturx.pdf")), "a Factur-X invoice issued from the jar");
        }
    }

    @Test
    void theContactIngestJarReadsAWorkbookWithNothingButItself() throws Exception {
        Path classes = Path.of(WorkbookFromJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                root.resolve("functions/contact-ingest/target/contact-ingest-lambda.jar") + java.io.File.pathSeparator
                        + classes, WorkbookFromJar.class.getName(),
                root.resolve("functions/contact-ingest/src/test/resources/files/contacts.xlsx").toString())
                .redirectErrorStream(true).start();
        String out = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, jvm.waitFor(), out);
        assertTrue(out.contains("XLSX [Téléphone, Nom, Prénom, Pays, Date RDV]"), out);
        assertTrue(out.contains("2 [612345678, Durand, Hugo, FR, 2026-12-03]"), out);
        assertTrue(out.contains("7 [470 12 34 57, Janssens, , be, ]"), out);
    }

    /** The services a function's policies allow: the prefixes of their actions, and the SAM policy templates. */
    @SuppressWarnings("unchecked")
    private static void collect(Object policies, Set<String> services) {
        if (policies instanceof List<?> list) {
            list.forEach(p -> collect(p, services));
        } else if (policies instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (SDK_OF.containsKey(String.valueOf(key))) {
                    services.add(SDK_OF.get(String.valueOf(key)));
                } else if ("Action".equals(key)) {
                    List<Object> actions = value instanceof List<?> l ? (List<Object>) l : List.of(value);
                    actions.forEach(a -> {
                        String prefix = String.valueOf(a).split(":", 2)[0];
                        if (SDK_OF.containsKey(prefix)) {
                            services.add(SDK_OF.get(prefix));
                        }
                    });
                } else {
                    collect(value, services);
                }
            });
        }
    }
}
