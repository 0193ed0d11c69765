package com.outboundcalls.rate;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Client;

import java.util.Collection;
import java.util.Optional;

/**
 * Rates the calls left UNRATED on a route once a price list prices it, each at the price valid when it was
 * answered on its client's list. Run by the rating side, which alone may change a rated call; the price-list
 * import only names the routes it priced. A route handed over twice rates nothing twice: a call is changed only
 * while it is still UNRATED.
 */
public final class RouteRerating {

    /** A route a price list prices: origin and destination countries and the destination's number type. */
    public record Route(String originCountry, String destinationCountry, String numberType) {
        public Route {
            if (isBlank(originCountry) || isBlank(destinationCountry) || isBlank(numberType)) {
                throw new IllegalArgumentException("a route names its origin, destination and number type");
            }
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** Where the routes a new version prices are handed to the rating side (a queue, in production). */
    public interface Handover {
        void rerate(Collection<Route> routes);
    }

    private final RatedCallStore ratedCalls;
    private final CallPricer pricer;
    private final AccountDirectory accounts;

    public RouteRerating(RatedCallStore ratedCalls, PriceCatalog prices, AccountDirectory accounts) {
        this.ratedCalls = ratedCalls;
        this.pricer = new CallPricer(prices);
        this.accounts = accounts;
    }

    /** @return how many calls this run rated (those a price still misses stay UNRATED) */
    public int rerate(Route route) {
        int rerated = 0;
        for (RatedCall unrated : ratedCalls.unratedOn(route.originCountry(), route.destinationCountry(),
                route.numberType())) {
            String clientList = accounts.client(unrated.clientId()).map(Client::priceListId).orElse(null);
            Optional<RatedCall> rated = pricer.reprice(unrated, clientList);
            if (rated.isPresent() && ratedCalls.rerate(rated.get())) {
                rerated++;
            }
        }
        return rerated;
    }
}
