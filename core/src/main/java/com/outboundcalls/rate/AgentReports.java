package com.outboundcalls.rate;

import java.util.Optional;

/** What the agent recorded on a contact when the conversation ended (Connect's contact attributes). */
@FunctionalInterface
public interface AgentReports {

    /** The attributes as the agent set them: the disposition and, for a callback, the local date and time asked. */
    record Report(String disposition, String callbackAt) {
    }

    Optional<Report> of(String connectContactId);
}
