package com.outboundcalls.aws;

import com.outboundcalls.rate.CallOrigins;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

import java.util.Map;

/**
 * Tells the system's calls from any other contact of the instance by their attributes (GetContactAttributes): the
 * dialer starts every call with {@code clientId}, {@code campaignId} and {@code contactId}.
 */
public final class ConnectCallOrigins implements CallOrigins {

    private final ConnectClient connect;
    private final String instanceId;

    public ConnectCallOrigins(ConnectClient connect, String instanceId) {
        this.connect = connect;
        this.instanceId = instanceId;
    }

    @Override
    public boolean placedByThisSystem(String connectContactId) {
        try {
            Map<String, String> attributes = connect.getContactAttributes(r -> r.instanceId(instanceId)
                    .initialContactId(connectContactId)).attributes();
            return attributes.containsKey("clientId") && attributes.containsKey("campaignId")
                    && attributes.containsKey("contactId");
        } catch (ResourceNotFoundException gone) {
            return false;
        }
    }
}
