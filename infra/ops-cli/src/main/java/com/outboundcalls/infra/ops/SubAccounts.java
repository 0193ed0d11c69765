package com.outboundcalls.infra.ops;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./ops sub-accounts}: sub-accounts of a client. */
@Command(name = "sub-accounts", mixinStandardHelpOptions = true, description = "Sub-accounts of a client.",
        subcommands = {SubAccounts.Add.class})
final class SubAccounts {
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a sub-account with its own "
            + "campaigns, caller IDs and formats.")
    static final class Add extends Call {
        @Parameters(paramLabel = "PARENT", description = "The parent client's id.")
        String parent;
        @Mixin
        AccountOptions account;
        @Option(names = "--invoicing", defaultValue = "PARENT_SECTION", description = "PARENT_SECTION (a section "
                + "of the parent's invoice, the default) or OWN (an invoice of its own).")
        String invoicing;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.post(path(parent, "sub-accounts"), text(account.body().put("invoicing", invoicing)));
        }
    }
}
