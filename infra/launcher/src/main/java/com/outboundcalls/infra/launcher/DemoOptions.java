package com.outboundcalls.infra.launcher;

import com.outboundcalls.time.Zones;

import java.nio.file.Path;
import java.time.YearMonth;

/** The flags of the demo and up commands. */
public record DemoOptions(Path contacts, String clientId, YearMonth month, long seed, Path out, int sampleRows,
                          double faults) {

    public DemoOptions(Path contacts, String clientId, YearMonth month, long seed, Path out, int sampleRows) {
        this(contacts, clientId, month, seed, out, sampleRows, 0);
    }

    public static final String USAGE = """
            usage: ./localcloud [demo|up] [--contacts FILE] [--client ID] [--month YYYY-MM] [--seed N] [--out DIR]
              demo   run the whole pipeline on a simulated month and print its summary (default)
              up     keep a local cloud running on fixed loopback ports for the AWS CLI
              --contacts FILE  contact file to upload instead of the generated sample (region FR by default)
              --client ID      client id of the demo client (default demo-client)
              --month YYYY-MM  simulated month (default: the month before the current one)
              --seed N         seed of the sample file and of the simulated callees (default 42)
              --out DIR        where reports/ and exports/ are copied (default demo-output)
              --rows N         rows of the generated sample file (default 2000)
              --faults RATE    share of the functions' AWS calls faulted (e.g. 0.05): retryable errors, lost
                               answers to writes, dropped SQS sends, functions killed between two writes
            """;

    public static DemoOptions parse(String[] args, int from) {
        Path contacts = null;
        String clientId = "demo-client";
        YearMonth month = YearMonth.now(Zones.BILLING).minusMonths(1);
        long seed = 42;
        Path out = Path.of("demo-output");
        int rows = 2000;
        double faults = 0;
        for (int i = from; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--contacts" -> contacts = Path.of(value);
                case "--client" -> {
                    if (!value.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
                        throw new IllegalArgumentException("--client takes letters, digits, - and _");
                    }
                    clientId = value;
                }
                case "--month" -> month = YearMonth.parse(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                case "--rows" -> rows = Integer.parseInt(value);
                case "--faults" -> faults = Double.parseDouble(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return new DemoOptions(contacts, clientId, month, seed, out, rows, faults);
    }
}
