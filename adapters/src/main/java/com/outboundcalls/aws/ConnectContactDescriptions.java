package com.outboundcalls.aws;

import com.outboundcalls.rate.ContactDescriptions;
import com.outboundcalls.rate.ContactEvent;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Contact;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

import java.util.Optional;

/** DescribeContact on the instance that placed the calls. */
public final class ConnectContactDescriptions implements ContactDescriptions {

    private final ConnectClient connect;
    private final String instanceId;

    public ConnectContactDescriptions(ConnectClient connect, String instanceId) {
        this.connect = connect;
        this.instanceId = instanceId;
    }

    @Override
    public Optional<ContactEvent> describe(String connectContactId) {
        try {
            Contact c = connect.describeContact(r -> r.instanceId(instanceId).contactId(connectContactId)).contact();
            return Optional.of(new ContactEvent("DISCONNECTED", c.id(), c.initiationTimestamp(),
                    c.connectedToSystemTimestamp(), c.disconnectTimestamp(), c.disconnectReason(),
                    c.answeringMachineDetectionStatusAsString(), c.disconnectTimestamp(),
                    c.agentInfo() == null ? null : c.agentInfo().connectedToAgentTimestamp(),
                    c.agentInfo() == null ? null : c.agentInfo().id()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
