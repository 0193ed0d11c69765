package com.outboundcalls.infra.launcher;

import com.outboundcalls.infra.localcloud.LocalCloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the functions of a local cloud did so far, taken at one moment: per function its invocations, time in
 * handler, containers and AWS calls per invocation (the summary's lines), and every function's calls by operation.
 */
final class FunctionFigures {

    private final Map<String, String> lines = new LinkedHashMap<>();
    private final Map<String, Long> awsCalls;

    private FunctionFigures(Map<String, Long> awsCalls) {
        this.awsCalls = awsCalls;
    }

    static FunctionFigures of(LocalCloud cloud) {
        FunctionFigures figures = new FunctionFigures(cloud.awsCalls());
        cloud.functions().forEach((id, f) -> {
            long calls = figures.awsCalls.entrySet().stream().filter(e -> e.getKey().startsWith(id + " "))
                    .mapToLong(Map.Entry::getValue).sum();
            figures.lines.put(id, String.format("%6d invocations, %6.1f s in handler, %d %s, %5.1f AWS calls each",
                    f.invocations(), f.busyTime().toMillis() / 1000.0, f.containers(),
                    f.containers() == 1 ? "container" : "containers",
                    f.invocations() == 0 ? 0.0 : (double) calls / f.invocations()));
        });
        return figures;
    }

    /** The summary's line of each function, by logical id. */
    Map<String, String> lines() {
        return lines;
    }

    /** Every function's AWS calls by operation, as a TSV file: where an invocation's time goes. */
    void writeAwsCalls(Path file) {
        StringBuilder tsv = new StringBuilder("function\toperation\tcalls\n");
        awsCalls.forEach((k, n) -> tsv.append(k.replace(' ', '\t')).append('\t').append(n).append('\n'));
        try {
            Files.writeString(file, tsv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
