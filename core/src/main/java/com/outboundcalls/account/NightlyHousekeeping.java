package com.outboundcalls.account;

import com.outboundcalls.time.Zones;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every night, a housekeeping request per client, each taken on its own: the night's invocation only lists the
 * clients, and each client's terminations, erasures pending, end of contract and callees' data expiry are done by a
 * request of its own, so that no invocation grows with the number of clients and a large client neither delays nor
 * fails the others'.
 */
public final class NightlyHousekeeping {

    /**
     * Where the requests go, the night they are for; a client's requests are taken one at a time, and a request made
     * twice finds the client's work done.
     */
    public interface Requests {
        void clients(List<String> clientIds, LocalDate night);
    }

    private final AccountDirectory accounts;
    private final Requests requests;

    public NightlyHousekeeping(AccountDirectory accounts, Requests requests) {
        this.accounts = accounts;
        this.requests = requests;
    }

    /**
     * Asks for every client's housekeeping, terminated clients included, for the night the schedule fired in (Paris);
     * how many were asked for.
     */
    public int requestAll(Instant scheduledTime) {
        List<String> clientIds = accounts.clients().stream().map(Client::clientId).toList();
        requests.clients(clientIds, scheduledTime.atZone(Zones.BILLING).toLocalDate());
        return clientIds.size();
    }
}
