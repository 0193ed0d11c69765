package com.outboundcalls.files;

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

    /** Rewrites recorded in memory: for files rewritten to their end within one invocation. */
    static LatestRewrites inMemory() {
        java.util.Map<String, String> latest = new java.util.concurrent.ConcurrentHashMap<>();
        return new LatestRewrites() {
            @Override
            public void started(String fileKey, String chain) {
                latest.put(fileKey, chain);
            }

            @Override
            public Optional<String> latest(String fileKey) {
                return Optional.ofNullable(latest.get(fileKey));
            }
        };
    }
}
