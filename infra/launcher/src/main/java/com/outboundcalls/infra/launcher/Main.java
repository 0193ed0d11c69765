package com.outboundcalls.infra.launcher;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local cloud's command line: {@code demo} (default) and {@code up}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "demo";
        int from = args.length > 0 && !args[0].startsWith("--") ? 1 : 0;
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, from);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(DemoOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        PrintStream console = System.out;
        switch (command) {
            case "demo" -> {
                Files.createDirectories(options.out());
                Path functionLog = options.out().resolve("function-logs.jsonl");
                // Functions log one JSON line per event to standard output, as on Lambda: keep them in a file.
                try (PrintStream logs = new PrintStream(new FileOutputStream(functionLog.toFile()), true,
                        StandardCharsets.UTF_8)) {
                    System.setOut(logs);
                    console.println("Running the pipeline on a simulated month (this takes a minute or two)...");
                    Demo.Result result = new Demo(options).run();
                    String summary = Demo.render(result);
                    Files.writeString(options.out().resolve("summary.txt"), summary);
                    console.print(summary);
                    console.println("  function logs       " + functionLog.toAbsolutePath());
                    if (!result.failedChecks().isEmpty()) {
                        System.exit(1);
                    }
                } finally {
                    System.setOut(console);
                }
            }
            case "up" -> Up.run(options, console);
            default -> {
                System.err.print(DemoOptions.USAGE);
                System.exit(2);
            }
        }
        System.exit(0);
    }

}
