package com.outboundcalls.infra.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * The demo's month for 120 sample rows without any fault, run once per test JVM and read by every test that needs a
 * calm month (the dashboard's figures, the reference a faulted month is compared with). June 2026 starts on a Monday:
 * the demo's agents work weekdays and the legal windows close at weekends, so the retries and callbacks of the first
 * days fall within the week rather than after a weekend of idle minutes.
 */
final class CalmJuneDemo {

    static final String CLIENT = "dash-client";
    static final YearMonth MONTH = YearMonth.of(2026, 6);
    static final long SEED = 3;
    static final int ROWS = 120;

    private static Demo.Result result;
    private static Path out;

    private CalmJuneDemo() {
    }

    /** The month's result, run on the first call. */
    static synchronized Demo.Result result() throws Exception {
        if (result == null) {
            Path folder = Files.createTempDirectory("calm-june-demo");
            result = new Demo(options(folder, 0)).run();
            out = folder; // left for a person to look at when a test fails
        }
        return result;
    }

    /** Where the calm month wrote its reports, exports and summary. */
    static synchronized Path out() throws Exception {
        result();
        return out;
    }

    /** The same month, client, sample and callees, with a share of the functions' AWS calls faulted. */
    static DemoOptions options(Path folder, double faults) {
        return new DemoOptions(null, CLIENT, MONTH, SEED, folder, ROWS, faults);
    }
}
