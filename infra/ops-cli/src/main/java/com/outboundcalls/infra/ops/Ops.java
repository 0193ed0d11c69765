package com.outboundcalls.infra.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The operators' command line: every command is one call to the accounts API, signed with the operator's AWS
 * credentials (or the local cloud's keys with {@code --local}), and prints the API's JSON answer. Exit status 0
 * when the API accepted the request, 1 when it refused it (its reasons are printed), 2 for a usage error.
 */
@Command(name = "ops", mixinStandardHelpOptions = true, version = "ops 1.0",
        description = "Onboard and run client accounts through the accounts API.",
        subcommands = {Ops.Clients.class, Ops.SubAccounts.class, Ops.CallerIds.class, Ops.Campaigns.class,
                Ops.Oppositions.class, Ops.Formats.class})
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

    /** Where the API is and who calls it. */
    static final class Connection {
        @Option(names = "--endpoint", description = "The accounts API's URL (stack output AccountsApiUrl); "
                + "default: $OPS_ENDPOINT, or http://127.0.0.1:9501 with --local.")
        String endpoint;

        @Option(names = "--region", description = "The stack's region (default: $AWS_REGION, else eu-west-3).")
        String region;

        @Option(names = "--profile", description = "An AWS CLI profile to sign with (default: the usual chain).")
        String profile;

        @Option(names = "--local", description = "Call the local cloud (./localcloud up) with its keys.")
        boolean local;

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;

        AccountsApiClient client() {
            String url = endpoint != null ? endpoint : System.getenv("OPS_ENDPOINT");
            if (url == null && local) {
                url = "http://127.0.0.1:9501";
            }
            if (url == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "say where the API is: --endpoint URL, $OPS_ENDPOINT or --local");
            }
            String reg = region != null ? region : System.getenv().getOrDefault("AWS_REGION", "eu-west-3");
            if (local) {
                AwsCredentialsIdentity keys = AwsCredentialsIdentity.create("local", "local-secret");
                return new AccountsApiClient(URI.create(url), reg, () -> keys);
            }
            AwsCredentialsProvider provider = profile != null ? ProfileCredentialsProvider.create(profile)
                    : DefaultCredentialsProvider.builder().build();
            return new AccountsApiClient(URI.create(url), reg, provider::resolveCredentials);
        }
    }

    /** A command that makes one API call and prints its answer. */
    abstract static class Call implements Callable<Integer> {
        @Mixin
        Connection connection;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract AccountsApiClient.Response call(AccountsApiClient api);

        @Override
        public Integer call() {
            AccountsApiClient.Response response;
            try {
                response = call(connection.client());
            } catch (java.io.UncheckedIOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            (response.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(response.body());
            return response.ok() ? 0 : 1;
        }

        static ObjectNode body() {
            return JSON.createObjectNode();
        }

        static String path(String... segments) {
            StringBuilder path = new StringBuilder("/operator/clients");
            for (String segment : segments) {
                path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return path.toString();
        }

        static String text(ObjectNode node) {
            return node.toString();
        }
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

    /** What onboarding a client or a sub-account asks for. */
    static final class AccountOptions {
        @Option(names = "--id", required = true, description = "The client's id (lower-case letters, digits, dashes).")
        String id;
        @Option(names = "--name", required = true, description = "The client's trading name.")
        String name;
        @Option(names = "--callee-region", defaultValue = "FR", description = "Region its files' national numbers "
                + "belong to (default: FR).")
        String region;
        @Option(names = "--email", required = true, description = "Where invoices and reminders go.")
        String email;
        @Option(names = "--legal-name", description = "Legal name on invoices.")
        String legalName;
        @Option(names = "--street", description = "Registered address: street.")
        String street;
        @Option(names = "--postcode", description = "Registered address: postcode.")
        String postcode;
        @Option(names = "--city", description = "Registered address: city.")
        String city;
        @Option(names = "--country", defaultValue = "FR", description = "Registered address: country (default FR).")
        String country;
        @Option(names = "--siren", description = "SIREN (nine digits) of a French company.")
        String siren;
        @Option(names = "--vat", description = "Intra-community VAT number.")
        String vat;
        @Option(names = "--plan", description = "Plan name.")
        String plan;
        @Option(names = "--plan-price", description = "Plan's monthly price excluding VAT, e.g. 49.00.")
        String planPrice;
        @Option(names = "--numbers", description = "Numbers rented, as quantity@unitPrice.")
        String numbers;
        @Option(names = "--users", description = "User accounts, as quantity@unitPrice.")
        String users;
        @Option(names = "--licences", description = "Call-center licences, as quantity@unitPrice.")
        String licences;
        @Option(names = "--starts-on", description = "First day of service (YYYY-MM-DD).")
        String startsOn;
        @Option(names = "--payment-terms", description = "Days from issue to due date (default 30).")
        Integer paymentTerms;
        @Option(names = "--attempts", defaultValue = "3", description = "Attempts per contact (default 3).")
        int attempts;
        @Option(names = "--retry-delay-minutes", defaultValue = "120", description = "Delay between attempts "
                + "(default 120).")
        int retryDelay;
        @Option(names = "--premium-allowed", description = "The contract allows premium-rate numbers.")
        boolean premium;
        @Option(names = "--price-list", description = "A negotiated price list's id.")
        String priceList;

        ObjectNode body() {
            ObjectNode b = JSON.createObjectNode().put("clientId", id).put("name", name).put("defaultRegion", region)
                    .put("billingEmail", email).put("premiumRateAllowed", premium);
            if (priceList != null) {
                b.put("priceListId", priceList);
            }
            if (legalName != null || siren != null || vat != null) {
                ObjectNode identity = b.putObject("identity").put("name", legalName).put("street", street)
                        .put("postcode", postcode).put("city", city).put("country", country).put("vatNumber", vat);
                if (siren != null) {
                    identity.put("siren", siren);
                }
            }
            if (plan != null || startsOn != null) {
                ObjectNode subscription = b.putObject("subscription");
                if (plan != null) {
                    subscription.putObject("plan").put("name", plan).put("monthlyPrice", planPrice);
                }
                if (numbers != null) {
                    subscription.set("numbers", units(numbers));
                }
                if (users != null) {
                    subscription.set("users", units(users));
                }
                if (licences != null) {
                    subscription.set("licences", units(licences));
                }
                if (startsOn != null) {
                    subscription.put("startsOn", startsOn);
                }
                if (paymentTerms != null) {
                    subscription.put("paymentTermDays", paymentTerms);
                }
            }
            b.putObject("tariff").put("maxAttempts", attempts).put("retryDelayMinutes", retryDelay);
            return b;
        }
    }

    // ------------------------------------------------------------------------------------------------ clients

    @Command(name = "clients", mixinStandardHelpOptions = true, description = "Client accounts.",
            subcommands = {Clients.ListClients.class, Clients.Show.class, Clients.Onboard.class, Clients.Update.class,
                    Clients.Suspend.class, Clients.Reactivate.class, Clients.Terminate.class, Clients.GrantAccess.class,
                    Clients.Audit.class})
    static final class Clients {

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

        @Command(name = "grant-access", mixinStandardHelpOptions = true,
                description = "Let a client's IAM role call the client routes for that client.")
        static final class GrantAccess extends Call {
            @Parameters(paramLabel = "CLIENT", description = "The client's id.")
            String client;
            @Option(names = "--principal", required = true, description = "The role's ARN (it needs the stack's "
                    + "ClientAccessPolicy).")
            String principal;

            @Override
            AccountsApiClient.Response call(AccountsApiClient api) {
                return api.post(path(client, "principals"), text(body().put("principalArn", principal)));
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

    @Command(name = "sub-accounts", mixinStandardHelpOptions = true, description = "Sub-accounts of a client.",
            subcommands = {SubAccounts.Add.class})
    static final class SubAccounts {
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

    // ------------------------------------------------------------------------------------------------ caller IDs

    @Command(name = "caller-ids", mixinStandardHelpOptions = true, description = "Numbers campaigns present.",
            subcommands = {CallerIds.Assign.class, CallerIds.Submit.class, CallerIds.Decide.Verify.class,
                    CallerIds.Decide.Reject.class, CallerIds.Decide.Revoke.class})
    static final class CallerIds {
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

    // ------------------------------------------------------------------------------------------------ campaigns

    @Command(name = "campaigns", mixinStandardHelpOptions = true, description = "A client's campaigns.",
            subcommands = {Campaigns.ListCampaigns.class, Campaigns.Create.class, Campaigns.Act.Start.class,
                    Campaigns.Act.Pause.class, Campaigns.Act.Resume.class, Campaigns.Act.Finish.class})
    static final class Campaigns {
        @Command(name = "list", mixinStandardHelpOptions = true, description = "The client's campaigns.")
        static final class ListCampaigns extends Call {
            @Parameters(paramLabel = "CLIENT", description = "The client's id.")
            String client;

            @Override
            AccountsApiClient.Response call(AccountsApiClient api) {
                return api.get(path(client, "campaigns"));
            }
        }

        @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a campaign (a draft).")
        static final class Create extends Call {
            @Parameters(index = "0", paramLabel = "CLIENT", description = "The client's id.")
            String client;
            @Parameters(index = "1", paramLabel = "CAMPAIGN", description = "The campaign's id.")
            String campaign;
            @Option(names = "--purpose", description = "CUSTOMER_SERVICE, BUSINESS_PROSPECTING or CONSUMER_PROSPECTING.")
            String purpose;
            @Option(names = "--caller-id", description = "The number presented.")
            String callerId;
            @Option(names = "--caller-id-source", description = "PROVIDER (default) or CLIENT.")
            String source;
            @Option(names = "--script", description = "Reference of the conversation script.")
            String script;
            @Option(names = "--instructions", description = "Free instructions carried by every call.")
            String instructions;
            @Option(names = "--hours", description = "Calling hours, e.g. "
                    + "'MON-FRI 10:00-12:00 14:00-18:00; SAT 10:00-12:00'.")
            String hours;
            @Option(names = "--priority", description = "1 (lowest) to 10.")
            Integer priority;
            @Option(names = "--starts-on", description = "First day of calls (YYYY-MM-DD).")
            String startsOn;
            @Option(names = "--ends-on", description = "Last day of calls (YYYY-MM-DD).")
            String endsOn;
            @Option(names = "--answering-machine-detection", description = "Tell voicemail from people.")
            boolean amd;

            @Override
            AccountsApiClient.Response call(AccountsApiClient api) {
                ObjectNode b = body().put("campaignId", campaign).put("answeringMachineDetection", amd);
                putIf(b, "purpose", purpose);
                putIf(b, "callerId", callerId);
                putIf(b, "callerIdSource", source);
                putIf(b, "instructionsRef", script);
                putIf(b, "instructions", instructions);
                putIf(b, "callingHours", hours);
                putIf(b, "startsOn", startsOn);
                putIf(b, "endsOn", endsOn);
                if (priority != null) {
                    b.put("priority", priority);
                }
                return api.post(path(client, "campaigns"), text(b));
            }
        }

        abstract static class Act extends Call {
            @Parameters(index = "0", paramLabel = "CLIENT", description = "The client's id.")
            String client;
            @Parameters(index = "1", paramLabel = "CAMPAIGN", description = "The campaign's id.")
            String campaign;
            @Option(names = "--at-version", description = "Act only if the campaign is still at this version.")
            Long version;

            abstract String action();

            @Override
            AccountsApiClient.Response call(AccountsApiClient api) {
                ObjectNode b = body();
                if (version != null) {
                    b.put("version", version);
                }
                return api.post(path(client, "campaigns", campaign, action()), text(b));
            }

            @Command(name = "start", mixinStandardHelpOptions = true, description = "A draft starts calling.")
            static final class Start extends Act {
                String action() {
                    return "start";
                }
            }

            @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop calling for now.")
            static final class Pause extends Act {
                String action() {
                    return "pause";
                }
            }

            @Command(name = "resume", mixinStandardHelpOptions = true, description = "Call again after a pause.")
            static final class Resume extends Act {
                String action() {
                    return "resume";
                }
            }

            @Command(name = "finish", mixinStandardHelpOptions = true, description = "End the campaign for good.")
            static final class Finish extends Act {
                String action() {
                    return "finish";
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ oppositions

    @Command(name = "oppositions", mixinStandardHelpOptions = true, description = "A client's opposition list.",
            subcommands = {Oppositions.Add.class, Oppositions.Remove.class})
    static final class Oppositions {
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

    // ------------------------------------------------------------------------------------------------ formats

    @Command(name = "formats", mixinStandardHelpOptions = true, description = "Agreed contact-file formats.",
            subcommands = {Formats.Show.class, Formats.Agree.class})
    static final class Formats {
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
                    b.set("format", JSON.readTree(format));
                    return api.put(path(client, "contact-file-format"), text(b));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--format is not JSON: "
                            + e.getOriginalMessage());
                }
            }
        }
    }

    private static void putIf(ObjectNode b, String name, String value) {
        if (value != null) {
            b.put(name, value);
        }
    }
}
