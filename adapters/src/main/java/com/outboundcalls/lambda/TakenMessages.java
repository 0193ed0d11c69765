package com.outboundcalls.lambda;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages of a queue whose handling went through to its end, by message id. SQS delivers a message at least
 * once: again when the delete after a success failed, or as a second copy. A handler whose handling sends messages
 * of its own (the next step of a chain) asks here first, so that a message delivered again sends nothing more.
 * A handling that failed is not marked, and its message is taken again whole.
 */
public interface TakenMessages {

    /** Whether this message's handling went through to its end before. */
    boolean taken(String messageId);

    /** Notes that this message's handling went through to its end. */
    void markTaken(String messageId);

    /** Notes kept in this object, for one process. */
    static TakenMessages inMemory() {
        Set<String> taken = ConcurrentHashMap.newKeySet();
        return new TakenMessages() {
            @Override
            public boolean taken(String messageId) {
                return taken.contains(messageId);
            }

            @Override
            public void markTaken(String messageId) {
                taken.add(messageId);
            }
        };
    }
}
