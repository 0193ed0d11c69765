package com.outboundcalls.glue;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a function does before SnapStart takes its snapshot, and after a sandbox is restored from it.
 *
 * <p>Before the snapshot, every SDK client the function's environment names (its tables, buckets, queues, Connect
 * instance, user pool) is built and makes one read of something that does not exist: an item, an object, a contact.
 * The snapshot then holds their marshallers, signers and HTTP stack loaded and compiled, and the first invocation
 * after a restore does not pay for them. Whatever a read answers (not found, access denied, invalid key) is ignored:
 * it has changed nothing. A client whose SDK the function's jar does not carry is skipped.
 *
 * <p>After a restore nothing captured is reused as it was: no instant, id or random value is taken before the
 * snapshot (the clock is read per invocation, ids are drawn per call), the clients resolve credentials through the
 * default provider chain on use, and an HTTP connection left over from the snapshot fails and is opened again by the
 * SDK's retry.
 */
public final class Priming implements Resource {

    /**
     * org.crac holds the resources it is given weakly: the primings of this JVM's functions are kept here, for as
     * long as the functions themselves.
     */
    private static final Set<Priming> REGISTERED = ConcurrentHashMap.newKeySet();

    private final Wiring wiring;
    private volatile int reads;

    Priming(Wiring wiring) {
        this.wiring = wiring;
    }

    /**
     * Registers a function's priming for SnapStart's checkpoint when Lambda initializes it for a snapshot
     * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); elsewhere (on demand, the local cloud, tests) nothing is
     * registered or kept.
     */
    static void register(Wiring wiring) {
        if (!SNAP_START.equals(wiring.runtime().environment().get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            return;
        }
        Priming priming = new Priming(wiring);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    /** The value Lambda gives AWS_LAMBDA_INITIALIZATION_TYPE when it initializes a function for a snapshot. */
    public static final String SNAP_START = "snap-start";

    /**
     * The checkpoint and the restore, as SnapStart runs them when a version is published and when a sandbox starts
     * from the snapshot, for every function of this JVM: for a JVM without CRaC (the cold-start benchmark).
     */
    public static void checkpointAndRestore() {
        for (Priming priming : REGISTERED) {
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        reads = 0;
        Map<String, String> env = wiring.runtime().environment();
        env.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (name.endsWith("_TABLE")) {
                read(() -> wiring.dynamoDb().getItem(r -> r.tableName(value).key(Map.of(
                        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRIMING"),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRIMING")))));
            } else if (name.endsWith("_BUCKET")) {
                read(() -> wiring.s3().headObject(r -> r.bucket(value).key("priming/none")));
            } else if (name.endsWith("_QUEUE_URL")) {
                read(() -> wiring.sqs().getQueueAttributes(r -> r.queueUrl(value).attributeNamesWithStrings("QueueArn")));
            } else if (name.equals("CONNECT_INSTANCE_ID")) {
                read(() -> wiring.connect().describeContact(r -> r.instanceId(value)
                        .contactId("00000000-0000-0000-0000-000000000000")));
            } else if (name.equals("USER_POOL_ID")) {
                read(() -> wiring.cognito().describeUserPool(r -> r.userPoolId(value)));
            }
        });
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to undo: see the class's description.
    }

    /** How many primings this JVM keeps for a checkpoint. */
    static int registered() {
        return REGISTERED.size();
    }

    /** How many reads the last priming made (whatever they answered). */
    public int reads() {
        return reads;
    }

    private void read(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException answered) {
            // not found, denied or invalid: the path is primed all the same
        } catch (LinkageError notInThisJar) {
            return; // this function's jar does not carry that service's SDK
        }
        reads++;
    }
}
