package com.outboundcalls.infra.launcher;

import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.time.Zones;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** {@code up}: a local cloud on the wall clock and fixed loopback ports, driven with the AWS CLI. */
public final class Up {

    public static final int DYNAMODB_PORT = 8000;
    public static final int SQS_PORT = 9324;
    public static final int S3_PORT = 9000;
    public static final int CONNECT_PORT = 9400;
    public static final int FINANCE_API_PORT = 9500;
    public static final int COGNITO_PORT = 9229;
    /** The demo client's administrator in its space, signed in once already so that a person can sign in at once. */
    public static final String DEMO_USER = "admin@cabinet-demo.example";
    public static final String DEMO_PASSWORD = "Espace-demo-2026!";
    public static final String CAMPAIGN_ID = "relance";

    private Up() {
    }

    public static void run(DemoOptions options, PrintStream console) throws InterruptedException {
        LocalCloud cloud = LocalCloud.builder().clock(LocalClock.wall()).seed(options.seed())
                .ports(DYNAMODB_PORT, SQS_PORT, S3_PORT, CONNECT_PORT).httpApiPort(FINANCE_API_PORT)
                .cognitoPort(COGNITO_PORT).start();
        cloud.s3().putObject(r -> r.bucket(cloud.physicalName("ContactBucket")).key(ReferenceData.PRICE_LIST_KEY),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(ReferenceData.priceListCsv()));
        ReferenceData.onboard(cloud, ReferenceData.demoClient(options.clientId()),
                ReferenceData.demoCampaign(options.clientId(), CAMPAIGN_ID),
                java.time.LocalDate.now(Zones.BILLING).withDayOfMonth(1).minusMonths(1));
        // Last month's invoice now, as the 1st-of-month schedule would have issued it (a re-run issues nothing new),
        // so finance's API has a document to show from the start.
        cloud.function("InvoiceGeneratorFunction").invoke("{\"scheduledTime\":\"" + cloud.clock().instant() + "\"}");
        cloud.drain();
        ReferenceData.invite(cloud, options.clientId(), DEMO_USER, "ADMINISTRATEUR");
        String poolId = cloud.physicalName("ClientUserPool");
        String appClientId = cloud.physicalName("ClientUserPoolClient");
        try (var cognito = new com.outboundcalls.aws.AwsClients(cloud.clientEnvironment()).cognito()) {
            String temporary = cloud.cognito().invitations().get(cloud.cognito().invitations().size() - 1)
                    .temporaryPassword();
            var challenged = cognito.initiateAuth(r -> r.clientId(appClientId).authFlow("USER_PASSWORD_AUTH")
                    .authParameters(java.util.Map.of("USERNAME", DEMO_USER, "PASSWORD", temporary)));
            cognito.respondToAuthChallenge(r -> r.clientId(appClientId).challengeName("NEW_PASSWORD_REQUIRED")
                    .session(challenged.session())
                    .challengeResponses(java.util.Map.of("USERNAME", DEMO_USER, "NEW_PASSWORD", DEMO_PASSWORD)));
        }
        cloud.startBackgroundLoop();
        String bucket = cloud.physicalName("ContactBucket");
        console.printf("""
                Local cloud is up (Ctrl-C to stop). Functions run in this process as template.yaml wires them.
                  S3        %s   bucket %s
                  DynamoDB  %s
                  SQS       %s
                  Connect   %s (simulator)
                  Finance   %s (HTTP API, SigV4-signed requests only)
                  Accounts  %s (HTTP API, SigV4-signed requests only; ./ops --local --help)
                  Client space  %s/  (open it in a browser and sign in as the demo client user below)
                  Client space API  %s (the user's ID token as bearer)
                  Cognito   %s   user pool %s   app client %s
                  Demo client user  %s   password %s
                Last month's invoice for the demo client is issued (exports/invoices/ in the bucket).
                Demo client %s, campaign %s. Calls are placed only within the legal calling windows
                (Monday to Friday, 10:00-13:00 and 14:00-20:00, callee's time).

                  export AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_DEFAULT_REGION=%s
                  aws --endpoint-url %s s3 ls s3://%s/reports/ --recursive
                  curl --aws-sigv4 "aws:amz:%s:execute-api" --user "%s:%s" "%s/invoices?month=YYYY-MM"

                Sign in to the client space as the demo client's administrator, then call its API:
                  ID_TOKEN=$(aws --endpoint-url %s cognito-idp initiate-auth --client-id %s \\
                    --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=%s,PASSWORD='%s' \\
                    --query AuthenticationResult.IdToken --output text)
                  curl -H "Authorization: Bearer $ID_TOKEN" %s/client/account

                Upload a contact file into the demo campaign: an upload link first (the server chooses the key), then
                the file to it; its report follows under reports/ (any object written otherwise is refused):
                  URL=$(curl -s -H "Authorization: Bearer $ID_TOKEN" -d "{\\"fileName\\":\\"contacts.csv\\",\\"size\\":$(stat -c%%s contacts.csv)}" \\
                    %s/client/campaigns/%s/uploads | sed -n 's/.*"url" : "\\(.*\\)".*/\\1/p')
                  curl -T contacts.csv "$URL"
                """, cloud.s3Endpoint(), bucket, cloud.dynamoDbEndpoint(), cloud.sqsEndpoint(),
                cloud.connectEndpoint(), cloud.httpApiEndpoint("FinanceApi"), cloud.httpApiEndpoint("AccountsApi"),
                cloud.httpApiEndpoint("ClientSpaceApi"), cloud.httpApiEndpoint("ClientSpaceApi"),
                cloud.cognito().endpoint(), poolId, appClientId, DEMO_USER, DEMO_PASSWORD,
                options.clientId(), CAMPAIGN_ID, LocalCloud.ACCESS_KEY,
                LocalCloud.SECRET_KEY, LocalCloud.REGION, cloud.s3Endpoint(), bucket, LocalCloud.REGION,
                LocalCloud.ACCESS_KEY,
                LocalCloud.SECRET_KEY, cloud.httpApiEndpoint("FinanceApi"), cloud.cognito().endpoint(), appClientId,
                DEMO_USER, DEMO_PASSWORD, cloud.httpApiEndpoint("ClientSpaceApi"), cloud.httpApiEndpoint("ClientSpaceApi"),
                CAMPAIGN_ID);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
