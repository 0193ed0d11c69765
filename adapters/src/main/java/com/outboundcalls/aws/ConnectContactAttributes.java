package com.outboundcalls.aws;

import com.outboundcalls.rate.CallOrigins;
import com.outboundcalls.rate.CalleeRefusals;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

import java.util.Map;

/**
 * What a contact's attributes (GetContactAttributes) tell the rater: whether the system placed the call (the dialer
 * starts every call with {@code clientId}, {@code campaignId} and {@code contactId}), and the callee's wishes (the
 * contact flow sets {@code callee_refused} to {@code true} when the callee asks not to be called again).
 */
public final class ConnectContactAttributes implements CalleeRefusals.CalleeRequests, CallOrigins,
        com.outboundcalls.rate.AgentReports {

    public static final String REFUSED_ATTRIBUTE = "callee_refused";

    private final ConnectClient connect;
    private final String instanceId;

    public ConnectContactAttributes(ConnectClient connect, String instanceId) {
        this.connect = connect;
        this.instanceId = instanceId;
    }

    @Override
    public boolean askedNotToBeCalled(String connectContactId) {
        return "true".equalsIgnoreCase(attributes(connectContactId).get(REFUSED_ATTRIBUTE));
    }

    /** The agent's disposition and callback time; empty when the agent set neither. */
    @Override
    public java.util.Optional<Report> of(String connectContactId) {
        Map<String, String> attributes = attributes(connectContactId);
        String disposition = attributes.get(com.outboundcalls.account.CallAttributes.DISPOSITION);
        String callbackAt = attributes.get(com.outboundcalls.account.CallAttributes.CALLBACK_AT);
        return disposition == null && callbackAt == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Report(disposition, callbackAt));
    }

    @Override
    public boolean placedByThisSystem(String connectContactId) {
        Map<String, String> attributes = attributes(connectContactId);
        return attributes.containsKey("clientId") && attributes.containsKey("campaignId")
                && attributes.containsKey("contactId");
    }

    /** The contact's attributes; none for a contact Connect does not know (another instance's, or expired). */
    private Map<String, String> attributes(String connectContactId) {
        try {
            return connect.getContactAttributes(r -> r.instanceId(instanceId).initialContactId(connectContactId))
                    .attributes();
        } catch (ResourceNotFoundException gone) {
            return Map.of();
        }
    }
}
