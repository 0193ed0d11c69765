package com.outboundcalls.infra.benchmarks;

import com.outboundcalls.infra.localcloud.CloudTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The deployment jars of template.yaml's functions, as built: per jar, its functions, the SDK clients it carries,
 * its size zipped and unzipped (the sum of its entries, as Lambda counts the 250 MB limit); then the largest jar of
 * a function that does not call Connect, and the largest of all.
 */
public final class JarSizes {

    private JarSizes() {
    }

    public static void main(String[] args) throws IOException {
        Path root = CloudTemplate.locate(Path.of("")).getParent();
        CloudTemplate template = CloudTemplate.load(root.resolve("template.yaml"));
        Map<String, List<String>> functions = new TreeMap<>();
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            functions.computeIfAbsent((String) template.properties(id).get("CodeUri"), jar -> new ArrayList<>())
                    .add(id.replaceFirst("Function$", ""));
        }
        record Jar(String name, List<String> functions, Set<String> clients, long zipped, long unzipped) {
        }
        List<Jar> jars = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : functions.entrySet()) {
            Path file = root.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is not built: run mvn package first");
            }
            Set<String> clients = new TreeSet<>();
            long unzipped = 0;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    unzipped += Math.max(e.getSize(), 0);
                    String[] p = e.getName().split("/");
                    if (p.length > 5 && p[0].equals("software") && p[3].equals("services")) {
                        clients.add(p[4]);
                    }
                }
            }
            jars.add(new Jar(file.getFileName().toString(), entry.getValue(), clients, Files.size(file), unzipped));
        }
        jars.sort(java.util.Comparator.comparingLong(Jar::unzipped));
        System.out.println("| jar | functions | SDK clients | zipped | unzipped |");
        System.out.println("|---|---|---|---|---|");
        for (Jar jar : jars) {
            System.out.printf(Locale.ROOT, "| `%s` | %s | %s | %.1f MB | %.1f MB |%n", jar.name(),
                    String.join(", ", jar.functions()), jar.clients().isEmpty() ? "none" : String.join(", ",
                            jar.clients()), mib(jar.zipped()), mib(jar.unzipped()));
        }
        Jar withoutConnect = jars.stream().filter(j -> !j.clients().contains("connect"))
                .max(java.util.Comparator.comparingLong(Jar::unzipped)).orElseThrow();
        Jar largest = jars.get(jars.size() - 1);
        System.out.printf(Locale.ROOT, "largest jar of functions that do not call Connect: %.1f MB unzipped (%s)%n",
                mib(withoutConnect.unzipped()), withoutConnect.name());
        System.out.printf(Locale.ROOT, "largest jar: %.1f MB unzipped (%s)%n", mib(largest.unzipped()), largest.name());
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
