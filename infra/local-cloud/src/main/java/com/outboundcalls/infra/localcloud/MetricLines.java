package com.outboundcalls.infra.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the functions of the local cloud write their metric lines: each line goes on to standard output, as on
 * Lambda, and its Embedded Metric Format values are summed the way CloudWatch would, by metric, function and
 * dimensions, for the local cloud's summary.
 */
final class MetricLines extends OutputStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LongAdder> sums = new ConcurrentHashMap<>();
    private final ThreadLocal<ByteArrayOutputStream> line = ThreadLocal.withInitial(ByteArrayOutputStream::new);
    final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

    @Override
    public void write(int b) {
        ByteArrayOutputStream current = line.get();
        if (b == '\n') {
            String text = current.toString(StandardCharsets.UTF_8);
            current.reset();
            System.out.println(text);
            record(text);
        } else {
            current.write(b);
        }
    }

    private void record(String text) {
        if (!text.startsWith("{") || !text.contains("\"_aws\"")) {
            return;
        }
        try {
            JsonNode line = JSON.readTree(text);
            for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
                StringBuilder dims = new StringBuilder();
                for (JsonNode set : directive.path("Dimensions")) {
                    for (JsonNode name : set) {
                        dims.append(dims.isEmpty() ? "" : ", ").append(name.asText()).append('=')
                                .append(line.path(name.asText()).asText());
                    }
                }
                for (JsonNode metric : directive.path("Metrics")) {
                    String name = metric.path("Name").asText();
                    sums.computeIfAbsent(name + " (" + dims + ")", k -> new LongAdder()).add(line.path(name).asLong());
                }
            }
        } catch (java.io.IOException notMetrics) {
            // a log line that only looks like one
        }
    }

    /** Each metric's sum so far, by "Metric (Function=..., Dimension=...)". */
    Map<String, Long> sums() {
        Map<String, Long> out = new TreeMap<>();
        sums.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
