package com.outboundcalls.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a file's rows on a thread of its own, a few chunks ahead, so that decoding and splitting the next
 * rows overlaps checking the current ones. Rows come out in file order; a failure of the reading thread is
 * thrown to the consumer at the point it happened.
 */
final class ReadAhead implements AutoCloseable {

    private static final int CHUNKS_AHEAD = 4;

    /** A chunk of rows, or the end of the file, or what went wrong reading it. */
    private record Chunk(List<ContactFileReader.Row> rows, RuntimeException failure) {
    }

    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private volatile boolean stopped;
    private boolean ended;

    /** Starts reading the rows after {@code afterRow}, {@code chunkSize} at a time. */
    ReadAhead(ContactFileReader.Rows rows, long afterRow, int chunkSize) {
        reader = new Thread(() -> {
            try {
                List<ContactFileReader.Row> chunk = new ArrayList<>(chunkSize);
                for (ContactFileReader.Row row = rows.next(); row != null && !stopped; row = rows.next()) {
                    if (row.row() <= afterRow) {
                        continue;
                    }
                    chunk.add(row);
                    if (chunk.size() == chunkSize) {
                        hand(new Chunk(chunk, null));
                        chunk = new ArrayList<>(chunkSize);
                    }
                }
                if (!chunk.isEmpty()) {
                    hand(new Chunk(chunk, null));
                }
                hand(new Chunk(List.of(), null));
            } catch (RuntimeException e) {
                hand(new Chunk(List.of(), e));
            }
        }, "contact-file-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void hand(Chunk chunk) {
        try {
            while (!stopped && !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is busy: wait for room, unless it stopped reading
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next rows in file order; empty at the end of the file. */
    List<ContactFileReader.Row> next() {
        if (ended) {
            return List.of();
        }
        Chunk chunk;
        try {
            chunk = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the file", e);
        }
        if (chunk.failure() != null) {
            ended = true;
            throw chunk.failure();
        }
        ended = chunk.rows().isEmpty();
        return chunk.rows();
    }

    /** Stops reading ahead; waits for the reading thread so the file can be closed safely. */
    @Override
    public void close() {
        stopped = true;
        chunks.clear();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
