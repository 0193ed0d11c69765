package com.outboundcalls.rate;

import com.outboundcalls.contact.OppositionList;
import com.outboundcalls.dial.ProspectingLimit;

import java.time.Instant;
import java.util.List;

/**
 * A callee who answered and asked not to be called again (the contact flow records it on the contact): the
 * number goes on the client's opposition list, checked at every later ingestion and before every call, and the
 * refusal counts for décret 2022-1313 (no prospecting call for 60 days, whatever the list says later).
 */
public final class CalleeRefusals {

    /** What the contact flow recorded about the callee's wishes (Connect's contact attributes). */
    @FunctionalInterface
    public interface CalleeRequests {
        boolean askedNotToBeCalled(String connectContactId);
    }

    private final CalleeRequests requests;
    private final OppositionList oppositions;
    private final ProspectingLimit.Histories histories;

    public CalleeRefusals(CalleeRequests requests, OppositionList oppositions, ProspectingLimit.Histories histories) {
        this.requests = requests;
        this.oppositions = oppositions;
        this.histories = histories;
    }

    /** Records a refusal the agent reported (the disposition names it), with the same effects as the flow's. */
    public void record(String clientId, String e164, String connectContactId, Instant at, String disposition) {
        oppositions.addAll(List.of(new OppositionList.Opposition(clientId, e164,
                "the callee refused (agent's disposition " + disposition + ", Connect contact " + connectContactId + ")",
                at)));
        histories.recordRefusal(clientId, e164, at);
    }

    /** Records the refusal if the callee of this answered call made one; true when they did. */
    public boolean recordIfRefused(String clientId, String e164, String connectContactId, Instant at) {
        if (!requests.askedNotToBeCalled(connectContactId)) {
            return false;
        }
        oppositions.addAll(List.of(new OppositionList.Opposition(clientId, e164,
                "the callee asked not to be called again (Connect contact " + connectContactId + ")", at)));
        histories.recordRefusal(clientId, e164, at);
        return true;
    }
}
