package com.outboundcalls.report;

import java.util.List;

/**
 * Asks for clients' dashboards to be rewritten, each on its own: one request per client, which the dashboard
 * requests function takes one at a time. A request made twice only rewrites the same files.
 */
public interface DashboardRequests {

    void request(List<String> clientIds);
}
