package com.outboundcalls.glue;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What a function does before SnapStart takes its snapshot, and after a sandbox is restored from it.
 *
 * <p>Before the snapshot, every SDK client the function's environment names a resource of (its tables, buckets,
 * queues, Connect instance, user pool) is built, then the handler's own paths run (see {@link #add}): events that
 * change nothing, through the calls the function's role allows it, so that the snapshot holds the clients, their
 * marshallers and signers, the handler's parsing and its answers loaded and compiled. No call is made for priming's
 * own sake: a read the role does not grant would be refused, and a function's role grants only what it does. A client
 * whose SDK the function's jar does not carry is skipped. Then the handler's dry paths run (see {@link #addDry}): a
 * second handler built on a dry wiring, whose clients are answered in memory, handed a real event; it and its wiring
 * are dropped afterwards. Before those, the dry DynamoDB client is asked for items with an attribute of every kind
 * (see {@code DryHttpClient#readItemsOfEveryKind}): the dry answers to a handler find nothing, and a real answer's
 * items would otherwise be read for the first time by the first invocation after a restore.
 *
 * <p>After a restore nothing captured is reused as it was: no instant, id or random value is taken before the
 * snapshot (the clock is read per invocation, ids are drawn per call), no secret is read before the first id is made
 * (see {@code ContactIds.keyedOnFirstUse}), the clients resolve credentials through the default provider chain on use,
 * and an HTTP connection left over from the snapshot fails and is opened again by the SDK's retry.
 */
public final class Priming implements Resource {

    /**
     * org.crac holds the resources it is given weakly: the primings of this JVM's functions are kept here, for as
     * long as the functions themselves.
     */
    private static final Set<Priming> REGISTERED = ConcurrentHashMap.newKeySet();

    /** How many times each of the handler's own paths runs before the snapshot: enough to load and compile it. */
    static final int PASSES = 3;

    /** The value Lambda gives AWS_LAMBDA_INITIALIZATION_TYPE when it initializes a function for a snapshot. */
    public static final String SNAP_START = "snap-start";

    private final Wiring wiring;
    private final List<Runnable> paths = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Function<Wiring, Runnable>> dryPaths = new CopyOnWriteArrayList<>();
    /** Clients a handler's events need that its environment does not name, by service (see {@link #alsoBuild}). */
    private final java.util.Map<String, Supplier<?>> eventClients = new ConcurrentHashMap<>();
    private volatile Set<String> clientsBuilt = Set.of();
    private volatile int pathRuns;
    private volatile int dryCalls;
    private volatile boolean dryOverLoopback;

    Priming(Wiring wiring) {
        this.wiring = wiring;
    }

    /**
     * Registers a function's priming for SnapStart's checkpoint when Lambda initializes it for a snapshot
     * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); elsewhere (on demand, the local cloud, tests) it is made
     * but never run, and nothing is kept.
     */
    static Priming register(Wiring wiring) {
        Priming priming = new Priming(wiring);
        if (!SNAP_START.equals(wiring.runtime().environment().get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            return priming;
        }
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * A path of the handler itself, run {@link #PASSES} times before the snapshot once the clients are built: the
     * handler handed an event that changes nothing (a request that reads and is refused, a message about nothing),
     * so that the snapshot holds its parsing, its reads' marshalling, its logging and its responses loaded and
     * compiled. Whatever it answers or throws is ignored.
     */
    void add(Runnable path) {
        paths.add(path);
    }

    /**
     * A client built with those of the environment's services, for a service the handler's events name resources of
     * where its environment names none (the buckets of S3 notifications).
     */
    void alsoBuild(String service, Supplier<?> client) {
        eventClients.put(service, client);
    }

    /**
     * A handler of this function built on a dry wiring (see {@code Wiring#dry}), and the invocation to run on it
     * {@link #PASSES} times before the snapshot. The dry wiring and the handler are dropped afterwards.
     */
    void addDry(java.util.function.Function<Wiring, Runnable> handlerOn) {
        dryPaths.add(handlerOn);
    }

    /**
     * The checkpoint and the restore, as SnapStart runs them when a version is published and when a sandbox starts
     * from the snapshot, for every function of this JVM: for a JVM without CRaC (the cold-start benchmark, tests).
     */
    public static void checkpointAndRestore() {
        for (Priming priming : REGISTERED) {
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // The zone rules every function reads instants with (billing months, schedules, calling windows): the JDK
        // loads its time zone database on the first use of a zone's rules.
        com.outboundcalls.time.Zones.BILLING.getRules();
        buildClients();
        pathRuns = 0;
        wiring.primingPaths(true);
        try {
            runPaths();
        } finally {
            wiring.primingPaths(false);
        }
        runDryPaths();
    }

    /**
     * The clients of the services the environment names a resource of (a mail sender for SES, a secret for Secrets
     * Manager), built without a call.
     * Each is asked for through a lambda, not a method reference: a reference to {@code Wiring::s3} resolves
     * {@code S3Client} where it is written, so in a jar without S3's SDK it would fail before {@link #build} could
     * skip it.
     */
    private void buildClients() {
        Set<String> built = new TreeSet<>();
        wiring.runtime().environment().forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (name.endsWith("_TABLE")) {
                build("dynamodb", () -> wiring.dynamoDb(), built);
            } else if (name.endsWith("_BUCKET")) {
                build("s3", () -> wiring.s3(), built);
            } else if (name.endsWith("_QUEUE_URL")) {
                build("sqs", () -> wiring.sqs(), built);
            } else if (name.equals("CONNECT_INSTANCE_ID")) {
                build("connect", () -> wiring.connect(), built);
            } else if (name.equals("USER_POOL_ID")) {
                build("cognito", () -> wiring.cognito(), built);
            } else if (name.equals("MAIL_FROM")) {
                build("sesv2", () -> wiring.ses(), built);
            } else if (name.endsWith("_SECRET")) {
                // the client only: the secret itself is read after the restore, with the first id made
                build("secretsmanager", () -> wiring.secretsManager(), built);
            }
        });
        eventClients.forEach((service, client) -> build(service, client, built));
        clientsBuilt = Set.copyOf(built);
    }

    private static void build(String service, Supplier<?> client, Set<String> built) {
        try {
            client.get();
            built.add(service);
        } catch (LinkageError notInThisJar) {
            // this function's jar does not carry that service's SDK
        }
    }

    private void runPaths() {
        for (Runnable path : paths) {
            run(path);
        }
    }

    private void runDryPaths() {
        if (dryPaths.isEmpty()) {
            dryCalls = 0;
            return;
        }
        Wiring dry = wiring.dry();
        // A dry handler's log lines speak of nobody and of answers no service gave: they go nowhere. Its log is made
        // with the handler, so standard output is dropped while the dry handlers are built and run, then given back.
        // This runs while the function initializes, before its first request: nothing else writes then.
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            run(() -> com.outboundcalls.aws.DryHttpClient.readItemsOfEveryKind(dry.dynamoDb()));
            for (java.util.function.Function<Wiring, Runnable> handlerOn : dryPaths) {
                Runnable path;
                try {
                    path = handlerOn.apply(dry);
                } catch (RuntimeException | LinkageError notBuilt) {
                    continue;
                }
                run(path);
            }
        } finally {
            System.setOut(out);
            dryCalls = dry.dryCalls();
            dryOverLoopback = dry.dryOverLoopback();
            dry.closeDry();
        }
    }

    private void run(Runnable path) {
        for (int pass = 0; pass < PASSES; pass++) {
            try {
                path.run();
            } catch (RuntimeException | LinkageError answered) {
                // refused, not found, or a service this jar does not carry: primed as far as it went
            }
            pathRuns++;
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to undo: see the class's description.
    }

    /** How many primings this JVM keeps for a checkpoint. */
    static int registered() {
        return REGISTERED.size();
    }

    /** The services whose clients the last priming built. */
    public Set<String> clientsBuilt() {
        return clientsBuilt;
    }

    /** How many calls the handler's dry paths made in the last priming (answered by the dry clients). */
    public int dryCalls() {
        return dryCalls;
    }

    /** Whether the last priming's dry calls were answered over a loopback socket, through the real HTTP client. */
    boolean dryOverLoopback() {
        return dryOverLoopback;
    }

    /** How many runs of the handler's own paths the last priming made. */
    int pathRuns() {
        return pathRuns;
    }
}
