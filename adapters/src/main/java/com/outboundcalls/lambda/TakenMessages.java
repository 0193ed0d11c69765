package com.outboundcalls.lambda;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages of a queue whose handling went through to its end, by what identifies their work: the step a
 * message carries, when a chain's steps are named, or else the message's id. SQS delivers a message at least
 * once: again when the delete after a success failed, or as a second copy; and a step taken again after it had
 * handed the next on, before its note, hands that next step on again, in a message of another id. A handler whose
 * handling sends messages of its own (the next step of a chain) asks here first, so that work taken through once
 * sends nothing more. A handling that failed is not marked, and its message is taken again whole.
 */
public interface TakenMessages {

    /** Whether the handling of this work went through to its end before. */
    boolean taken(String id);

    /** Notes that the handling of this work went through to its end. */
    void markTaken(String id);

    /** Notes kept in this object, for one process. */
    static TakenMessages inMemory() {
        Set<String> taken = ConcurrentHashMap.newKeySet();
        return new TakenMessages() {
            @Override
            public boolean taken(String id) {
                return taken.contains(id);
            }

            @Override
            public void markTaken(String id) {
                taken.add(id);
            }
        };
    }
}
