package com.outboundcalls.report;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Client;

import java.util.List;

/**
 * Every hour, every client's dashboard is asked for, one request per client: the hour's work is a listing of the
 * clients and their requests, whatever their campaigns; each dashboard is written by a request of its own, so a
 * client with many campaigns neither delays nor fails the others'.
 */
public final class HourlyDashboards {

    private final AccountDirectory accounts;
    private final DashboardRequests requests;

    public HourlyDashboards(AccountDirectory accounts, DashboardRequests requests) {
        this.accounts = accounts;
        this.requests = requests;
    }

    /** Asks for every client's dashboard; how many were asked for. */
    public int requestAll() {
        List<String> clientIds = accounts.clients().stream().map(Client::clientId).toList();
        requests.request(clientIds);
        return clientIds.size();
    }
}
