package com.outboundcalls.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.json.JsonTrees;

import java.io.PrintStream;

/**
 * One JSON line per event on standard output (CloudWatch Logs on Lambda). Callers pass ids, never phone
 * numbers or names; {@link #mask(String)} is there for the rare message that must refer to a number.
 */
public final class StructuredLog {

    private final String function;
    private final PrintStream out;

    public StructuredLog(String function) {
        this(function, System.out);
    }

    StructuredLog(String function, PrintStream out) {
        this.function = function;
        this.out = out;
    }

    public void info(String event, Object... fields) {
        write("INFO", event, fields);
    }

    public void warn(String event, Object... fields) {
        write("WARN", event, fields);
    }

    public void error(String event, Object... fields) {
        write("ERROR", event, fields);
    }

    private void write(String level, String event, Object... fields) {
        ObjectNode line = JsonTrees.object();
        line.put("level", level);
        line.put("function", function);
        line.put("event", event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.put(String.valueOf(fields[i]), String.valueOf(fields[i + 1]));
        }
        out.println(JsonTrees.write(line));
    }

    /** +33612345678 becomes +336******78. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 6) {
            return "***";
        }
        return phone.substring(0, 4) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 2);
    }
}
