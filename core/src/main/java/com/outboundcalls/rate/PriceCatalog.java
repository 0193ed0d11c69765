package com.outboundcalls.rate;

import java.time.Instant;
import java.util.Optional;

/** Versioned price lists: the provider's default one, and clients' negotiated ones. */
public interface PriceCatalog {

    /** Name of the provider's default list. */
    String DEFAULT_LIST = "default";

    /** The price valid at {@code at} in one list, for a route and number type. */
    Optional<Price> priceAt(String listId, String originCountry, String destinationCountry, String numberType,
                            Instant at);

    /** The client's negotiated price where it has one, else the provider's default price. */
    default Optional<Price> priceFor(String clientListId, String originCountry, String destinationCountry,
                                     String numberType, Instant at) {
        if (clientListId != null) {
            Optional<Price> negotiated = priceAt(clientListId, originCountry, destinationCountry, numberType, at);
            if (negotiated.isPresent()) {
                return negotiated;
            }
        }
        return priceAt(DEFAULT_LIST, originCountry, destinationCountry, numberType, at);
    }
}
