package com.outboundcalls.infra.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./ops caller-ids}: the numbers campaigns present: provider numbers assigned, clients' own numbers submitted and decided. */
@Command(name = "caller-ids", mixinStandardHelpOptions = true, description = "Numbers campaigns present.",
        subcommands = {CallerIds.Assign.class, CallerIds.Submit.class, CallerIds.Decide.Verify.class,
                CallerIds.Decide.Reject.class, CallerIds.Decide.Revoke.class})
final class CallerIds {
    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Assign a provider number.")
    static final class Assign extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Option(names = "--at-version", required = true, description = "The version you read.")
        long version;
        @Option(names = "--number", required = true, description = "The provider's number, e.g. +33948100200.")
        String number;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.post(path(client, "provider-numbers"), text(body().put("version", version).put("number", number)));
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit a client's own number "
            + "with its proof (checked against ARCEP's ranges, then pending).")
    static final class Submit extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Option(names = "--number", required = true, description = "The client's number.")
        String number;
        @Option(names = "--proof", required = true, description = "Reference of the proof document.")
        String proof;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.post(path(client, "caller-ids"), text(body().put("number", number).put("proofReference", proof)));
        }
    }

    abstract static class Decide extends Call {
        @Parameters(index = "0", paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Parameters(index = "1", paramLabel = "NUMBER", description = "The number, in E.164.")
        String number;
        @Option(names = "--note", description = "A note kept with the decision.")
        String note;

        abstract String decision();

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            ObjectNode b = body();
            if (note != null) {
                b.put("note", note);
            }
            return api.post(path(client, "caller-ids", number, decision()), text(b));
        }

        @Command(name = "verify", mixinStandardHelpOptions = true, description = "The proof holds: verified.")
        static final class Verify extends Decide {
            String decision() {
                return "verify";
            }
        }

        @Command(name = "reject", mixinStandardHelpOptions = true, description = "The proof does not hold.")
        static final class Reject extends Decide {
            String decision() {
                return "reject";
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Withdraw a verified number.")
        static final class Revoke extends Decide {
            String decision() {
                return "revoke";
            }
        }
    }
}
