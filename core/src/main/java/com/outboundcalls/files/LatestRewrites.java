package com.outboundcalls.files;

import java.time.Instant;
import java.util.Optional;

/**
 * Which rewrite of each file written in steps ({@link FileInParts}) is the latest: one started later supersedes
 * one under way, which stops at its next step.
 */
public interface LatestRewrites {

    /** Records that the rewrite {@code chain} of the file was started, superseding any other. */
    void started(String fileKey, String chain);

    /** The latest rewrite of the file, if any was started. */
    Optional<String> latest(String fileKey);

    /**
     * Records that the rewrite {@code chain} wrote the file whole, as of {@code asOf}; nothing when another rewrite
     * was started since.
     */
    void finished(String fileKey, String chain, Instant asOf);

    /**
     * As of when the file was last written whole: the instant its latest rewrite was finished as of; empty while a
     * rewrite is under way, or when none was ever finished.
     */
    Optional<Instant> wholeAsOf(String fileKey);

    /** Rewrites recorded in memory: for files rewritten to their end within one invocation. */
    static LatestRewrites inMemory() {
        java.util.Map<String, String> latest = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, Instant> whole = new java.util.concurrent.ConcurrentHashMap<>();
        return new LatestRewrites() {
            @Override
            public synchronized void started(String fileKey, String chain) {
                latest.put(fileKey, chain);
                whole.remove(fileKey);
            }

            @Override
            public Optional<String> latest(String fileKey) {
                return Optional.ofNullable(latest.get(fileKey));
            }

            @Override
            public synchronized void finished(String fileKey, String chain, Instant asOf) {
                if (chain.equals(latest.get(fileKey))) {
                    whole.put(fileKey, asOf);
                }
            }

            @Override
            public Optional<Instant> wholeAsOf(String fileKey) {
                return Optional.ofNullable(whole.get(fileKey));
            }
        };
    }
}
