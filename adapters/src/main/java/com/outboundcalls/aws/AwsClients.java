package com.outboundcalls.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.Map;

/**
 * Builds the SDK clients of one function, once per container, from its environment: AWS_REGION, the
 * standard AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt; variables, and static keys when the
 * environment carries them (otherwise the default provider chain, i.e. the Lambda role).
 */
public final class AwsClients {

    private final Map<String, String> env;
    private final DryHttpClient dryJson;
    private final DryHttpClient dryRest;

    public AwsClients(Map<String, String> env) {
        this(env, null, null);
    }

    private AwsClients(Map<String, String> env, DryHttpClient dryJson, DryHttpClient dryRest) {
        this.env = env;
        this.dryJson = dryJson;
        this.dryRest = dryRest;
    }

    /**
     * The same clients, configured the same way, whose calls reach no service: each is answered by a
     * {@link DryHttpClient} (over a loopback socket of its own), signed with keys of no account. What a function's own
     * path runs on before a snapshot; {@link #closeDry()} afterwards.
     */
    public static AwsClients dry(Map<String, String> env) {
        return new AwsClients(env, DryHttpClient.json(), DryHttpClient.rest());
    }

    /** How many calls the dry clients have answered (none for real clients). */
    public int dryCalls() {
        return dryJson == null ? 0 : dryJson.requests() + dryRest.requests();
    }

    /** Stops the dry clients' loopback servers (nothing for real clients). */
    public void closeDry() {
        if (dryJson != null) {
            dryJson.close();
            dryRest.close();
        }
    }

    /** Whether the dry clients' answers came over a loopback socket (false for real clients). */
    public boolean dryOverLoopback() {
        return dryJson != null && (dryJson.overLoopback() || dryRest.overLoopback());
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB").build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), "SQS").build();
    }

    public S3Client s3() {
        var builder = configure(S3Client.builder(), "S3");
        if (endpoint("S3") != null) {
            // S3-compatible endpoints (local stand-ins, LocalStack) address buckets by path.
            builder.forcePathStyle(true);
        }
        return builder.build();
    }

    /** Signs short-lived GET URLs for objects, against the same endpoint and credentials as {@link #s3()}. */
    public software.amazon.awssdk.services.s3.presigner.S3Presigner s3Presigner() {
        var builder = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
                .credentialsProvider(credentials());
        String region = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        if (region != null) {
            builder.region(Region.of(region));
        }
        String endpoint = endpoint("S3");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
            builder.serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                    .pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    /** The client space's user pool (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER for a stand-in). */
    public CognitoIdentityProviderClient cognito() {
        return configure(CognitoIdentityProviderClient.builder(), "COGNITO_IDENTITY_PROVIDER").build();
    }

    /** Mail (AWS_ENDPOINT_URL_SESV2 for a stand-in). */
    public SesV2Client ses() {
        return configure(SesV2Client.builder(), "SESV2").build();
    }

    /** The stack's secrets (AWS_ENDPOINT_URL_SECRETS_MANAGER for a stand-in). */
    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager() {
        return configure(software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder(), "SECRETS_MANAGER")
                .build();
    }

    /**
     * Connect without SDK retries: the dialer paces itself, and a throttled message goes back to its queue
     * rather than being retried in place.
     */
    public ConnectClient connect() {
        return configure(ConnectClient.builder(), "CONNECT")
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        String region = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        if (region != null) {
            builder.region(Region.of(region));
        }
        String endpoint = endpoint(service);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.credentialsProvider(credentials());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            if (dryJson != null) {
                sync.httpClient(service.equals("S3") ? dryRest : dryJson);
            } else {
                // A small request is sent in one write (see SingleWriteConnections).
                sync.httpClient(UrlConnectionHttpClient.create(new SingleWriteConnections()));
            }
        }
        return builder;
    }

    private String endpoint(String service) {
        String specific = env.get("AWS_ENDPOINT_URL_" + service);
        return specific != null ? specific : env.get("AWS_ENDPOINT_URL");
    }

    private AwsCredentialsProvider credentials() {
        if (dryJson != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("DRYRUNNOACCOUNT", "dry-run-no-account"));
        }
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key != null && secret != null && env.get("AWS_SESSION_TOKEN") == null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
