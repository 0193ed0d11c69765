package com.outboundcalls.infra.ops;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./ops oppositions}: a client's opposition list. */
@Command(name = "oppositions", mixinStandardHelpOptions = true, description = "A client's opposition list.",
        subcommands = {Oppositions.Add.class, Oppositions.Remove.class})
final class Oppositions {
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Never call this number again.")
    static final class Add extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Option(names = "--number", required = true, description = "The number.")
        String number;
        @Option(names = "--reason", required = true, description = "Why (kept in the audit trail).")
        String reason;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.post(path(client, "oppositions"), text(body().put("number", number).put("reason", reason)));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "The number may be called again.")
    static final class Remove extends Call {
        @Parameters(index = "0", paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Parameters(index = "1", paramLabel = "NUMBER", description = "The number, in E.164.")
        String number;
        @Option(names = "--reason", required = true, description = "Why (kept in the audit trail).")
        String reason;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.delete(path(client, "oppositions", number), text(body().put("reason", reason)));
        }
    }
}
