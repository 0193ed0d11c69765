package com.outboundcalls.rate;

import java.time.Instant;
import java.util.List;

/** Where price-list versions are kept. A version, once stored, never changes. */
public interface PriceListStore extends PriceCatalog {

    /** The file (key and ETag or version id) a published version came from, if it is published. */
    java.util.Optional<String> versionSource(String listId, String version);

    /**
     * Stores every row of a version, then the version itself, published at {@code publishedAt} from
     * {@code source}.
     */
    void saveVersion(String listId, String version, List<PriceListFile.Row> rows, Instant publishedAt, String source);
}
