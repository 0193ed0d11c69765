package com.outboundcalls.infra.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpsCommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one command line printed and its exit status. */
    private record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Run ops(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Ops.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    private static void collect(CommandLine line, String prefix, List<String> into) {
        into.add(prefix);
        line.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                collect(sub, (prefix + " " + name).trim(), into);
            }
        });
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        List<String> commands = new ArrayList<>();
        collect(new CommandLine(new Ops()), "", commands);
        assertTrue(commands.size() > 20, commands.toString());
        for (String command : commands) {
            List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
            args.add("--help");
            Run run = ops(args.toArray(String[]::new));
            assertEquals(0, run.status(), command);
            assertTrue(run.out().startsWith("Usage: ops" + (command.isEmpty() ? "" : " " + command)), run.out());
        }
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorAndCallsNothing() {
        Run run = ops("clients", "suspend", "acme", "--reason", "unpaid", "--endpoint", "http://127.0.0.1:9");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("Missing required option: '--at-version=<version>'"), run.err());
    }

    @Test
    void anOperatorOnboardsAClientFromScratchWithTheCommandLine() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2026-10-05T08:00:00Z")))
                .start()) {
            String endpoint = cloud.httpApiEndpoint("AccountsApi").toString();
            String[] at = {"--endpoint", endpoint, "--local"};

            Run onboard = ops(join(new String[]{"clients", "onboard", "--id", "acme", "--name", "Acme",
                    "--email", "compta@acme.example", "--legal-name", "Acme SAS", "--street", "3 rue des Lilas",
                    "--postcode", "69003", "--city", "Lyon", "--siren", "542107651", "--vat", "FR13542107651",
                    "--plan", "Essentiel", "--plan-price", "49.00", "--numbers", "2@5.00", "--users", "3@12.50",
                    "--starts-on", "2026-10-01", "--attempts", "3", "--retry-delay-minutes", "120"}, at));
            assertEquals(0, onboard.status(), onboard.err());
            assertEquals(1, onboard.json().path("version").asInt());

            Run assign = ops(join(new String[]{"caller-ids", "assign", "acme", "--at-version", "1", "--number",
                    "+33948100200"}, at));
            assertEquals(0, assign.status(), assign.err());
            Run create = ops(join(new String[]{"campaigns", "create", "acme", "relance", "--caller-id", "+33948100200",
                    "--script", "script-v1", "--hours", "MON-FRI 10:00-12:00"}, at));
            assertEquals(0, create.status(), create.err());
            Run start = ops(join(new String[]{"campaigns", "start", "acme", "relance", "--at-version", "1"}, at));
            assertEquals(0, start.status(), start.err());
            assertEquals("ACTIVE", start.json().path("status").asText());

            // A refusal prints the API's reasons and exits 1.
            Run refused = ops(join(new String[]{"caller-ids", "submit", "acme", "--number", "0612345678",
                    "--proof", "x"}, at));
            assertEquals(1, refused.status());
            assertTrue(refused.err().contains("06/07"), refused.err());
            Run stale = ops(join(new String[]{"clients", "suspend", "acme", "--at-version", "1", "--reason", "x"}, at));
            assertEquals(1, stale.status());
            assertTrue(stale.err().contains("\"currentVersion\" : 2"), stale.err());

            Run audit = ops(join(new String[]{"clients", "audit", "acme"}, at));
            List<String> actions = new ArrayList<>();
            audit.json().forEach(e -> actions.add(e.path("action").asText()));
            assertEquals(List.of("client.onboarded", "provider-number.assigned", "campaign.created",
                    "campaign.started"), actions);

            // The client's first administrator, invited to its space: the user pool sends the temporary password.
            Run invite = ops(join(new String[]{"clients", "invite", "acme", "--email", "marie@acme.example"}, at));
            assertEquals(0, invite.status(), invite.err());
            assertEquals("ADMINISTRATEUR", invite.json().path("role").asText());
            assertEquals(List.of("marie@acme.example"), cloud.cognito().invitations().stream()
                    .map(i -> i.email()).toList());
            Run again = ops(join(new String[]{"clients", "invite", "acme", "--email", "marie@acme.example"}, at));
            assertEquals(1, again.status(), "an address has access to one space, once");
        }
    }

    private static String[] join(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
