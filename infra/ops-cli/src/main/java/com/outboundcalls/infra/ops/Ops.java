package com.outboundcalls.infra.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.math.BigDecimal;

/**
 * The operators' command line: every command is one call to the accounts API, signed with the operator's AWS
 * credentials (or the local cloud's keys with {@code --local}), and prints the API's JSON answer. Exit status 0
 * when the API accepted the request, 1 when it refused it (its reasons are printed), 2 for a usage error.
 */
@Command(name = "ops", mixinStandardHelpOptions = true, version = "ops 1.0",
        description = "Onboard and run client accounts through the accounts API.",
        subcommands = {Clients.class, SubAccounts.class, CallerIds.class, Campaigns.class, Oppositions.class,
                Formats.class})
public final class Ops {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line, printing to these writers; the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new Ops());
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    /** {@code quantity@unitPrice}, e.g. {@code 3@4.50}. */
    static ObjectNode units(String spec) {
        String[] parts = spec.split("@");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected quantity@unitPrice such as 3@4.50, not " + spec);
        }
        return JSON.createObjectNode().put("quantity", Integer.parseInt(parts[0].trim()))
                .put("unitPrice", new BigDecimal(parts[1].trim()).toPlainString());
    }

    static void putIf(ObjectNode b, String name, String value) {
        if (value != null) {
            b.put(name, value);
        }
    }
}
