package com.outboundcalls.infra.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code ./ops formats}: the contact-file formats agreed with a client. */
@Command(name = "formats", mixinStandardHelpOptions = true, description = "Agreed contact-file formats.",
        subcommands = {Formats.Show.class, Formats.Agree.class})
final class Formats {
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Every version agreed, oldest first.")
    static final class Show extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.get(path(client, "contact-file-format"));
        }
    }

    @Command(name = "agree", mixinStandardHelpOptions = true, description = "Agree a new format, in force for "
            + "the files that arrive from now on.")
    static final class Agree extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Option(names = "--at-version", required = true, description = "The account's version you read.")
        long version;
        @Option(names = "--format", required = true, description = "The format as JSON, e.g. "
                + "'{\"delimiter\":\";\",\"phone\":\"Tel\"}'.")
        String format;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            try {
                ObjectNode b = body().put("version", version);
                b.set("format", Ops.JSON.readTree(format));
                return api.put(path(client, "contact-file-format"), text(b));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format is not JSON: "
                        + e.getOriginalMessage());
            }
        }
    }
}
