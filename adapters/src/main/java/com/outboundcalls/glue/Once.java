package com.outboundcalls.glue;

import java.util.function.Supplier;

/** A value built on first use and kept: each client or adapter of a container is built once, and only if asked for. */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    Once(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = factory.get();
                    value = current;
                }
            }
        }
        return current;
    }
}
