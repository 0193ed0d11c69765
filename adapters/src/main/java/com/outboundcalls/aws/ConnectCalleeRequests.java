package com.outboundcalls.aws;

import com.outboundcalls.rate.CalleeRefusals;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/**
 * Reads the callee's wishes from the contact's attributes (GetContactAttributes): the contact flow sets
 * {@code callee_refused} to {@code true} when the callee asks not to be called again.
 */
public final class ConnectCalleeRequests implements CalleeRefusals.CalleeRequests {

    public static final String REFUSED_ATTRIBUTE = "callee_refused";

    private final ConnectClient connect;
    private final String instanceId;

    public ConnectCalleeRequests(ConnectClient connect, String instanceId) {
        this.connect = connect;
        this.instanceId = instanceId;
    }

    @Override
    public boolean askedNotToBeCalled(String connectContactId) {
        try {
            return "true".equalsIgnoreCase(connect.getContactAttributes(r -> r.instanceId(instanceId)
                    .initialContactId(connectContactId)).attributes().get(REFUSED_ATTRIBUTE));
        } catch (ResourceNotFoundException gone) {
            return false;
        }
    }
}
