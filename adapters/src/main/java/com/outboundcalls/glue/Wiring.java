package com.outboundcalls.glue;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.CachedAccountDirectory;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.CognitoUserDirectory;
import com.outboundcalls.aws.ConnectContactAttributes;
import com.outboundcalls.aws.ConnectContactDescriptions;
import com.outboundcalls.aws.ConnectOutboundCalls;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.aws.DynamoCallControl;
import com.outboundcalls.aws.DynamoCampaignStats;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoContactRecords;
import com.outboundcalls.aws.DynamoContactWrites;
import com.outboundcalls.aws.DynamoFileLedger;
import com.outboundcalls.aws.DynamoInvoiceStore;
import com.outboundcalls.aws.DynamoOppositionList;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.aws.DynamoProspectingHistories;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.DynamoUploads;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3FileReports;
import com.outboundcalls.aws.S3Links;
import com.outboundcalls.aws.SesMailer;
import com.outboundcalls.aws.S3ObjectSink;
import com.outboundcalls.aws.SqsDialQueue;
import com.outboundcalls.aws.SqsIngestHandover;
import com.outboundcalls.dial.ConnectSetup;
import com.outboundcalls.dial.DialFeeding;
import com.outboundcalls.lambda.Metrics;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place where a function's SDK clients and adapters are built, each once per container and only when a
 * handler asks for it, from the environment template.yaml gives the function (table names, queue URLs, quotas).
 * Handlers ask this for what they need; they never build a client or an adapter themselves.
 */
public final class Wiring {

    /** How long a campaign pause or account suspension may take to reach a running container. */
    public static final Duration ACCOUNT_CACHE_TTL = Duration.ofSeconds(30);

    private final FunctionRuntime runtime;
    private final AwsClients clients;
    private final Priming priming;
    private volatile boolean primingPaths;

    // Each SDK client is built on first use, through a supplier typed Object: a function's jar leaves out the SDK of
    // every service it does not call, and building the wiring must not resolve those classes.
    private final Once<Object> dynamoDb;
    private final Once<Object> sqs;
    private final Once<Object> s3;
    private final Once<Object> s3Presigner;
    private final Once<Object> connect;
    private final Once<Object> cognito;
    private final Once<Object> ses;
    private final Once<Object> secretsManager;

    private final Once<DynamoAccountDirectory> accountDirectory;
    private final Once<AccountDirectory> cachedAccountDirectory;
    private final Once<DynamoAccountRecords> accountRecords;
    private final Once<DynamoContactBook> contactBook;
    private final Once<DynamoContactRecords> contactRecords;
    private final Once<DynamoContactWrites> contactWrites;
    private final Once<DynamoFileLedger> fileLedger;
    private final Once<DynamoOppositionList> oppositionList;
    private final Once<DynamoProspectingHistories> prospectingHistories;
    private final Once<DynamoCallControl> callControl;
    private final Once<com.outboundcalls.dial.AgentPacing> agentPacing;
    private final Once<DynamoPriceCatalog> priceCatalog;
    private final Once<DynamoRatedCallStore> ratedCallStore;
    private final Once<DynamoCampaignStats> campaignStats;
    private final Once<DynamoBillingDirectory> billingDirectory;
    private final Once<DynamoInvoiceStore> invoiceStore;
    private final Once<SqsDialQueue> dialQueue;
    private final Once<SqsIngestHandover> ingestHandover;
    private final Once<ConnectOutboundCalls> outboundCalls;
    private final Once<ConnectContactDescriptions> contactDescriptions;
    private final Once<ConnectContactAttributes> contactAttributes;
    private final Once<ConnectSetup> connectSetup;
    private final Once<DialFeeding> dialFeeding;
    private final Once<DialFeeding> lineRefill;
    private final Once<CognitoUserDirectory> userDirectory;
    private final Once<DynamoUploads> uploads;
    private final Once<SesMailer> mailer;
    private final Once<com.outboundcalls.ingest.ContactIds> contactIds;
    private final Map<String, S3ObjectSink> sinks = new ConcurrentHashMap<>();
    private final Map<String, S3FileReports> fileReports = new ConcurrentHashMap<>();
    private final Map<String, S3Links> links = new ConcurrentHashMap<>();
    private final Map<String, Metrics> metrics = new ConcurrentHashMap<>();

    public Wiring(FunctionRuntime runtime) {
        this(runtime, new AwsClients(runtime.environment()), false);
    }

    private Wiring(FunctionRuntime runtime, AwsClients clients, boolean dry) {
        this.runtime = runtime;
        this.clients = clients;
        this.primingPaths = dry;
        Clock clock = runtime.clock();
        dynamoDb = new Once<>(() -> clients.dynamoDb());
        sqs = new Once<>(() -> clients.sqs());
        s3 = new Once<>(() -> clients.s3());
        s3Presigner = new Once<>(() -> clients.s3Presigner());
        connect = new Once<>(() -> clients.connect());
        cognito = new Once<>(() -> clients.cognito());
        ses = new Once<>(() -> clients.ses());
        secretsManager = new Once<>(() -> clients.secretsManager());

        accountDirectory = new Once<>(() -> new DynamoAccountDirectory(dynamoDb(), require("ACCOUNTS_TABLE")));
        cachedAccountDirectory = new Once<>(() -> new CachedAccountDirectory(accountDirectory(), clock, ACCOUNT_CACHE_TTL));
        // The oppositions table only for the functions that change opposition lists (the accounts API).
        accountRecords = new Once<>(() -> new DynamoAccountRecords(dynamoDb(), require("ACCOUNTS_TABLE"),
                optional("OPPOSITIONS_TABLE")));
        // Functions that change contacts or rate calls add to their campaign's counters in the same transaction;
        // their environment names the counters' table. Readers' environments may not.
        contactBook = new Once<>(() -> optional("CAMPAIGN_STATS_TABLE") == null
                ? new DynamoContactBook(dynamoDb(), require("CONTACTS_TABLE"))
                : new DynamoContactBook(dynamoDb(), require("CONTACTS_TABLE"), require("CAMPAIGN_STATS_TABLE"),
                contactWrites()));
        contactRecords = new Once<>(() -> new DynamoContactRecords(dynamoDb(), require("CONTACTS_TABLE")));
        contactWrites = new Once<>(() -> new DynamoContactWrites(dynamoDb(), require("CAMPAIGN_STATS_TABLE"), clock));
        fileLedger = new Once<>(() -> new DynamoFileLedger(dynamoDb(), require("CONTACTS_TABLE"),
                require("CAMPAIGN_STATS_TABLE")));
        oppositionList = new Once<>(() -> new DynamoOppositionList(dynamoDb(), require("OPPOSITIONS_TABLE")));
        prospectingHistories = new Once<>(() -> new DynamoProspectingHistories(dynamoDb(), require("CALLS_TABLE")));
        // Releasing a line needs neither the limit nor the rate (they only bound claims): a function that only
        // releases lines has neither in its environment.
        callControl = new Once<>(() -> new DynamoCallControl(dynamoDb(), require("CALLS_TABLE"),
                optionalInt("MAX_CONCURRENT_CALLS"), optionalInt("CALLS_PER_SECOND"), clock));
        priceCatalog = new Once<>(() -> new DynamoPriceCatalog(dynamoDb(), require("PRICE_LISTS_TABLE")));
        ratedCallStore = new Once<>(() -> optional("CAMPAIGN_STATS_TABLE") == null
                ? new DynamoRatedCallStore(dynamoDb(), require("RATED_CALLS_TABLE"))
                : new DynamoRatedCallStore(dynamoDb(), require("RATED_CALLS_TABLE"), require("CAMPAIGN_STATS_TABLE"),
                        clock));
        campaignStats = new Once<>(() -> new DynamoCampaignStats(dynamoDb(), require("CAMPAIGN_STATS_TABLE")));
        billingDirectory = new Once<>(() -> new DynamoBillingDirectory(dynamoDb(), require("ACCOUNTS_TABLE"), clock));
        invoiceStore = new Once<>(() -> new DynamoInvoiceStore(dynamoDb(), require("INVOICES_TABLE")));
        dialQueue = new Once<>(() -> new SqsDialQueue(sqs(), require("DIAL_QUEUE_URL")));
        ingestHandover = new Once<>(() -> new SqsIngestHandover(sqs(), require("INGEST_HANDOVER_QUEUE_URL")));
        connectSetup = new Once<>(() -> new ConnectSetup(require("DEFAULT_CALLER_ID"), optional("CONNECT_CAMPAIGN_ID")));
        outboundCalls = new Once<>(() -> new ConnectOutboundCalls(connect(), require("CONNECT_INSTANCE_ID"),
                require("CONTACT_FLOW_ID"), connectSetup().connectCampaignId()));
        contactDescriptions = new Once<>(() -> new ConnectContactDescriptions(connect(), require("CONNECT_INSTANCE_ID")));
        contactAttributes = new Once<>(() -> new ConnectContactAttributes(connect(), require("CONNECT_INSTANCE_ID")));
        uploads = new Once<>(() -> new DynamoUploads(dynamoDb(), require("CONTACTS_TABLE")));
        // The mail client is built with the first mail sent (a mail already sent, or none to send, needs none).
        mailer = new Once<>(() -> new SesMailer(() -> ses(), require("MAIL_FROM"), optional("MAIL_CONFIGURATION_SET"),
                dynamoDb(), require("ACCOUNTS_TABLE"), clock));
        // The key of contact ids is read once per container from the stack's secret, never from the environment, and
        // only when the first id is made: never while the function starts, so never into a SnapStart snapshot.
        contactIds = new Once<>(() -> com.outboundcalls.ingest.ContactIds.keyedOnFirstUse(() -> secretsManager()
                .getSecretValue(r -> r.secretId(require("CONTACT_ID_KEY_SECRET"))).secretString()));
        userDirectory = new Once<>(() -> new CognitoUserDirectory(cognito(), require("USER_POOL_ID")));
        agentPacing = new Once<>(() -> new com.outboundcalls.dial.AgentPacing(
                new com.outboundcalls.aws.ConnectAgentQueues(connect(), require("CONNECT_INSTANCE_ID"), clock),
                callControl(), campaignStats()));
        dialFeeding = new Once<>(() -> new DialFeeding(accountDirectory(), contactBook(), callControl(), dialQueue(),
                requireInt("CALLS_PER_SECOND"), requireInt("MAX_CONCURRENT_CALLS"), connectSetup(), agentPacing()));
        // A freed line's refill reads clients and campaigns as the dialer does, from the short-lived cache: the dialer
        // checks them again before any call, so a refill may be no fresher than it.
        lineRefill = new Once<>(() -> new DialFeeding(cachedAccountDirectory(), contactBook(), callControl(), dialQueue(),
                requireInt("CALLS_PER_SECOND"), requireInt("MAX_CONCURRENT_CALLS"), connectSetup(), agentPacing()));
        priming = dry ? new Priming(this) : Priming.register(this);
    }

    /**
     * This function's wiring run dry: the same environment and clock, its clients configured as these are but
     * answered in memory (see {@link AwsClients#dry}), its metrics made and never published, its waits not waited.
     * Whatever a handler built on it does reaches no service: before a snapshot, it runs the handler's whole path.
     */
    Wiring dry() {
        FunctionRuntime dryRuntime = new FunctionRuntime(runtime.environment(), runtime.clock(), instant -> {
        }, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        return new Wiring(dryRuntime, AwsClients.dry(runtime.environment()), true);
    }

    /** How many calls this wiring's dry clients have answered (none for a function's own wiring). */
    int dryCalls() {
        return clients.dryCalls();
    }

    /** Stops what this wiring's dry clients hold open (nothing for a function's own wiring). */
    void closeDry() {
        clients.closeDry();
    }

    /** Whether this wiring's dry clients were answered over a loopback socket. */
    boolean dryOverLoopback() {
        return clients.dryOverLoopback();
    }

    /**
     * Before SnapStart's snapshot, after its clients' reads, the handler runs this path of its own (see
     * {@link Priming#add}): an event that changes nothing. On demand and in the local cloud it never runs.
     */
    public void primeWith(Runnable path) {
        priming.add(path);
    }

    /**
     * Before SnapStart's snapshot, the handler built on a {@linkplain #dry() dry} wiring and handed an event as Lambda
     * would: {@code handlerOn} builds it and returns the invocation to run. No call reaches a service, so the event
     * may be a real one (a schedule's, a message's) and the handler's whole path runs: its SDK operations' marshalling,
     * signing and answers, its parsing and logic, loaded and compiled. On demand and in the local cloud it never runs.
     */
    public void primeDry(java.util.function.Function<Wiring, Runnable> handlerOn) {
        priming.addDry(handlerOn);
    }

    /**
     * Before SnapStart's snapshot, the S3 client built too, for a function whose events name the buckets it reads
     * (S3 notifications, hand-overs of their files) where its environment names none: otherwise the first invocation
     * after a restore would build it. On demand and in the local cloud it is built with the first object read.
     */
    public void primeS3ForTheBucketsItsEventsName() {
        priming.alsoBuild("s3", () -> s3());
    }

    Priming priming() {
        return priming;
    }

    /** The Lambda container's wiring: the process environment, the system clock, standard output for metrics. */
    public static Wiring system() {
        return new Wiring(FunctionRuntime.system());
    }

    public FunctionRuntime runtime() {
        return runtime;
    }

    public Clock clock() {
        return runtime.clock();
    }

    public String require(String name) {
        return runtime.require(name);
    }

    public int requireInt(String name) {
        return runtime.requireInt(name);
    }

    /** A variable the function may run without: null when absent or blank. */
    public String optional(String name) {
        String value = runtime.environment().get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public long optionalLong(String name, long fallback) {
        String value = optional(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    private int optionalInt(String name) {
        return (int) optionalLong(name, 0);
    }

    // SDK clients

    public DynamoDbClient dynamoDb() {
        return (DynamoDbClient) dynamoDb.get();
    }

    public SqsClient sqs() {
        return (SqsClient) sqs.get();
    }

    public S3Client s3() {
        return (S3Client) s3.get();
    }

    public S3Presigner s3Presigner() {
        return (S3Presigner) s3Presigner.get();
    }

    public ConnectClient connect() {
        return (ConnectClient) connect.get();
    }

    public CognitoIdentityProviderClient cognito() {
        return (CognitoIdentityProviderClient) cognito.get();
    }

    public software.amazon.awssdk.services.sesv2.SesV2Client ses() {
        return (software.amazon.awssdk.services.sesv2.SesV2Client) ses.get();
    }

    /** The client of the stack's secrets; its secret is read when first needed, never before a snapshot. */
    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager() {
        return (software.amazon.awssdk.services.secretsmanager.SecretsManagerClient) secretsManager.get();
    }

    // Adapters

    public DynamoAccountDirectory accountDirectory() {
        return accountDirectory.get();
    }

    /** The account directory read through a short cache, for functions that read it on every message. */
    public AccountDirectory cachedAccountDirectory() {
        return cachedAccountDirectory.get();
    }

    public DynamoAccountRecords accountRecords() {
        return accountRecords.get();
    }

    public DynamoContactBook contactBook() {
        return contactBook.get();
    }

    /** The contacts table read back as records with their histories (reports, returns of data). */
    public DynamoContactRecords contactRecords() {
        return contactRecords.get();
    }

    /** The hours in which campaigns' contacts were written (CAMPAIGN_STATS_TABLE). */
    public DynamoContactWrites contactWrites() {
        return contactWrites.get();
    }

    public DynamoFileLedger fileLedger() {
        return fileLedger.get();
    }

    public DynamoOppositionList oppositionList() {
        return oppositionList.get();
    }

    public DynamoProspectingHistories prospectingHistories() {
        return prospectingHistories.get();
    }

    public DynamoCallControl callControl() {
        return callControl.get();
    }

    public DynamoPriceCatalog priceCatalog() {
        return priceCatalog.get();
    }

    public DynamoRatedCallStore ratedCallStore() {
        return ratedCallStore.get();
    }

    public DynamoCampaignStats campaignStats() {
        return campaignStats.get();
    }

    public DynamoBillingDirectory billingDirectory() {
        return billingDirectory.get();
    }

    public DynamoInvoiceStore invoiceStore() {
        return invoiceStore.get();
    }

    public SqsDialQueue dialQueue() {
        return dialQueue.get();
    }

    public SqsIngestHandover ingestHandover() {
        return ingestHandover.get();
    }

    public ConnectSetup connectSetup() {
        return connectSetup.get();
    }

    public ConnectOutboundCalls outboundCalls() {
        return outboundCalls.get();
    }

    public ConnectContactDescriptions contactDescriptions() {
        return contactDescriptions.get();
    }

    /** The pacing of agent-assisted campaigns: their queues' agents (Connect), seats (calls table), last 24 hours. */
    public com.outboundcalls.dial.AgentPacing agentPacing() {
        return agentPacing.get();
    }

    /** What agents recorded on their contacts (Connect's contact attributes). */
    public ConnectContactAttributes agentReports() {
        return contactAttributes.get();
    }

    public ConnectContactAttributes calleeRequests() {
        return contactAttributes.get();
    }

    /** Whether a Connect contact is one of this system's calls (its attributes). */
    public ConnectContactAttributes callOrigins() {
        return contactAttributes.get();
    }

    /** The uploads the client space granted (in the contacts table). */
    public DynamoUploads uploads() {
        return uploads.get();
    }

    /** How a campaign's number becomes its contact's id, under the stack's secret key. */
    public com.outboundcalls.ingest.ContactIds contactIds() {
        return contactIds.get();
    }

    /** Mails from MAIL_FROM through SES, each once (claimed in ACCOUNTS_TABLE). */
    public SesMailer mailer() {
        return mailer.get();
    }

    /** The client space's users, in the user pool USER_POOL_ID. */
    public CognitoUserDirectory userDirectory() {
        return userDirectory.get();
    }

    public S3ObjectSink objectSink(String bucket) {
        return sinks.computeIfAbsent(bucket, b -> new S3ObjectSink(s3(), b));
    }

    public S3FileReports fileReports(String bucket) {
        return fileReports.computeIfAbsent(bucket, b -> new S3FileReports(s3(), b));
    }

    public S3Links links(String bucket) {
        return links.computeIfAbsent(bucket, b -> new S3Links(s3Presigner(), s3(), b));
    }

    public Metrics metrics(String function) {
        return metrics.computeIfAbsent(function, f -> {
            Metrics made = new Metrics(f, runtime);
            made.priming(primingPaths);
            return made;
        });
    }

    /** While the handler's own paths run for a snapshot: its metrics made, not published. */
    void primingPaths(boolean on) {
        primingPaths = on;
        metrics.values().forEach(m -> m.priming(on));
    }

    // Use cases more than one function runs

    /** The feeder's run, and the refill the rater triggers when a call ends and its line is free again. */
    public DialFeeding dialFeeding() {
        return dialFeeding.get();
    }

    /** The feeding that takes a freed line back at once ({@link DialFeeding#refill}), for the rater. */
    public DialFeeding lineRefill() {
        return lineRefill.get();
    }
}
