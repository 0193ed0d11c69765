package com.outboundcalls.infra.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./ops clients}: client accounts: list, show, onboard, update, suspend, reactivate, terminate, grant access, audit. */
@Command(name = "clients", mixinStandardHelpOptions = true, description = "Client accounts.",
        subcommands = {Clients.ListClients.class, Clients.Show.class, Clients.Onboard.class, Clients.Update.class,
                Clients.Suspend.class, Clients.Reactivate.class, Clients.Terminate.class,
                Clients.Invite.class, Clients.Audit.class})
final class Clients {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every client account.")
    static final class ListClients extends Call {
        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.get("/operator/clients");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One account, with its version.")
    static final class Show extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.get(path(client));
        }
    }

    @Command(name = "onboard", mixinStandardHelpOptions = true,
            description = "Onboard a client: identity, billing contact, subscription, tariff.")
    static final class Onboard extends Call {
        @Mixin
        AccountOptions account;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.post("/operator/clients", text(account.body()));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change a client's settings.")
    static final class Update extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Option(names = "--at-version", required = true, description = "The version you read (see `clients show`).")
        long version;
        @Option(names = "--name", description = "New trading name.")
        String name;
        @Option(names = "--email", description = "New billing e-mail.")
        String email;
        @Option(names = "--attempts", description = "Attempts per contact (with --retry-delay-minutes).")
        Integer attempts;
        @Option(names = "--retry-delay-minutes", description = "Delay between attempts (with --attempts).")
        Integer retryDelay;
        @Option(names = "--premium-allowed", arity = "1", description = "true or false.")
        Boolean premium;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            ObjectNode b = body().put("version", version);
            if (name != null) {
                b.put("name", name);
            }
            if (email != null) {
                b.put("billingEmail", email);
            }
            if (attempts != null || retryDelay != null) {
                ObjectNode tariff = b.putObject("tariff");
                if (attempts != null) {
                    tariff.put("maxAttempts", attempts);
                }
                if (retryDelay != null) {
                    tariff.put("retryDelayMinutes", retryDelay);
                }
            }
            if (premium != null) {
                b.put("premiumRateAllowed", premium);
            }
            return api.patch(path(client), text(b));
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend an account: its "
            + "campaigns stop calling.")
    static final class Suspend extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Option(names = "--at-version", required = true, description = "The version you read.")
        long version;
        @Option(names = "--reason", required = true, description = "Why (kept in the audit trail).")
        String reason;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.post(path(client, "suspend"), text(body().put("version", version).put("reason", reason)));
        }
    }

    @Command(name = "reactivate", mixinStandardHelpOptions = true, description = "Lift a suspension.")
    static final class Reactivate extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Option(names = "--at-version", required = true, description = "The version you read.")
        long version;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.post(path(client, "reactivate"), text(body().put("version", version)));
        }
    }

    @Command(name = "terminate", mixinStandardHelpOptions = true, description = "End the service on a day.")
    static final class Terminate extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Option(names = "--at-version", required = true, description = "The version you read.")
        long version;
        @Option(names = "--last-day", required = true, description = "Last day of service (YYYY-MM-DD).")
        String lastDay;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.post(path(client, "terminate"), text(body().put("version", version).put("lastDay", lastDay)));
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true, description = "Invite a person of the client's "
            + "firm to its space: it receives a temporary password by e-mail and sets its own at first sign-in.")
    static final class Invite extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;
        @Option(names = "--email", required = true, description = "The person's e-mail address: its identifier.")
        String email;
        @Option(names = "--role", defaultValue = "ADMINISTRATEUR", description = "ADMINISTRATEUR (default: "
                + "everything, users included), SUPERVISEUR (campaigns, files, reports) or FINANCE (invoices).")
        String role;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.post(path(client, "users"), text(body().put("email", email).put("role", role)));
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Every change to an account.")
    static final class Audit extends Call {
        @Parameters(paramLabel = "CLIENT", description = "The client's id.")
        String client;

        @Override
        AccountsApiClient.Response call(AccountsApiClient api) {
            return api.get(path(client, "audit"));
        }
    }
}
