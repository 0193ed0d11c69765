package com.outboundcalls.infra.ops;

import picocli.CommandLine.Option;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;

/** Where the API is and who calls it. */
final class Connection {
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
