package com.outboundcalls.files;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The steps of a file's rewrite taken as soon as they are handed on, one after the other, in the caller's thread:
 * the first hand-over takes them all, and a step handed on while one is taken waits its turn.
 *
 * @param <S> the step
 */
public final class StepsInProcess<S> {

    private final Deque<S> queue = new ArrayDeque<>();
    private Consumer<S> taker;
    private boolean taking;

    /** Who takes the steps; set once the writer that hands them on exists. */
    public void takenBy(Consumer<S> taker) {
        this.taker = taker;
    }

    public synchronized void next(S step) {
        queue.add(step);
        if (taking) {
            return;
        }
        taking = true;
        try {
            while (!queue.isEmpty()) {
                taker.accept(queue.poll());
            }
        } finally {
            taking = false;
            queue.clear();
        }
    }
}
