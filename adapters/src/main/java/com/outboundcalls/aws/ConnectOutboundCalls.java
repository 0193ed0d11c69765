package com.outboundcalls.aws;

import com.outboundcalls.dial.OutboundCalls;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ConnectException;
import software.amazon.awssdk.services.connect.model.DestinationNotAllowedException;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.LimitExceededException;
import software.amazon.awssdk.services.connect.model.OutboundContactNotPermittedException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.TrafficType;

/** Amazon Connect's StartOutboundVoiceContact, with the ClientToken that makes a retry harmless. */
public final class ConnectOutboundCalls implements OutboundCalls {

    private final ConnectClient connect;
    private final String instanceId;
    private final String contactFlowId;
    private final String connectCampaignId;

    /** @param connectCampaignId the Connect campaign detection calls run under, or null when there is none */
    public ConnectOutboundCalls(ConnectClient connect, String instanceId, String contactFlowId,
                                String connectCampaignId) {
        this.connect = connect;
        this.instanceId = instanceId;
        this.contactFlowId = contactFlowId;
        this.connectCampaignId = connectCampaignId;
    }

    @Override
    public String start(OutboundCall call) {
        try {
            return connect.startOutboundVoiceContact(r -> {
                r.instanceId(instanceId).contactFlowId(contactFlowId)
                        .destinationPhoneNumber(call.destination()).sourcePhoneNumber(call.callerId())
                        .clientToken(call.clientToken()).attributes(call.attributes());
                if (call.detectAnsweringMachine()) {
                    if (connectCampaignId == null) {
                        throw new IllegalStateException("answering-machine detection asked without a Connect campaign");
                    }
                    // Connect runs detection only on campaign traffic; the prompt wait lets a message be left.
                    r.trafficType(TrafficType.CAMPAIGN).campaignId(connectCampaignId)
                            .answerMachineDetectionConfig(c -> c.enableAnswerMachineDetection(true)
                                    .awaitAnswerMachinePrompt(true));
                } else {
                    r.trafficType(TrafficType.GENERAL);
                }
            }).contactId();
        } catch (LimitExceededException e) {
            throw new CallThrottledException("Connect concurrent-call limit reached", e);
        } catch (DestinationNotAllowedException e) {
            throw new CallRefusedException("Connect refused the call: " + e.awsErrorDetails().errorCode(), e);
        } catch (InvalidParameterException e) {
            String message = String.valueOf(e.awsErrorDetails().errorMessage());
            if (message.contains("DestinationPhoneNumber")) {
                // The callee's number itself: this contact ends, the campaign goes on.
                throw new CallRefusedException("Connect refused the call: " + e.awsErrorDetails().errorCode()
                        + " (" + message + ")", e);
            }
            throw new CallMisconfiguredException("Connect refused the call for its setup: "
                    + e.awsErrorDetails().errorCode() + " (" + message + ")", e);
        } catch (OutboundContactNotPermittedException | ResourceNotFoundException e) {
            // The flow, the caller ID or the instance: every call of the campaign would be refused alike.
            throw new CallMisconfiguredException("Connect refused the call for its setup: "
                    + e.awsErrorDetails().errorCode() + " (" + e.awsErrorDetails().errorMessage() + ")", e);
        } catch (ConnectException e) {
            if (e.statusCode() == 429 || e.isThrottlingException()) {
                throw new CallThrottledException("Connect throttled StartOutboundVoiceContact", e);
            }
            throw e;
        }
    }
}
