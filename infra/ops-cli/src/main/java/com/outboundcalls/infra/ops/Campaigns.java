package com.outboundcalls.infra.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./ops campaigns}: a client's campaigns: list, create, start, pause, resume, finish. */
@Command(name = "campaigns", mixinStandardHelpOptions = true, description = "A client's campaigns.",
        subcommands = {Campaigns.ListCampaigns.class, Campaigns.Create.class, Campaigns.Act.Start.class,
                Campaigns.Act.Pause.class, Campaigns.Act.Resume.class, Campaigns.Act.Finish.class})
final class Campaigns {
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
            Ops.putIf(b, "purpose", purpose);
            Ops.putIf(b, "callerId", callerId);
            Ops.putIf(b, "callerIdSource", source);
            Ops.putIf(b, "instructionsRef", script);
            Ops.putIf(b, "instructions", instructions);
            Ops.putIf(b, "callingHours", hours);
            Ops.putIf(b, "startsOn", startsOn);
            Ops.putIf(b, "endsOn", endsOn);
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
