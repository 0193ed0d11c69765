package com.outboundcalls.dial;

import java.time.Instant;
import java.util.List;

/**
 * The calls of agent-assisted campaigns in progress per routing queue, one seat per ClientToken: a call ringing,
 * waiting for an agent or talking to one holds its seat until its DISCONNECTED event is rated. A claim succeeds
 * only while the queue's seats stay under the capacity the pacing computed, checked in the same write, so two
 * dialers never both take the last free agent.
 */
public interface AgentSeats {

    enum Claim { ACQUIRED, ALREADY_HELD, FULL }

    /**
     * When each seat held on the queue now was taken, one instant per seat (how long its call has been in progress
     * tells the pacing how likely it still is to be answered). A seat whose time is not known reads as
     * {@link Instant#EPOCH}: a call long in progress.
     */
    List<Instant> heldSince(String queueId);

    Claim claimSeat(String queueId, String clientToken, int capacity);

    /** Frees the seat this token holds, if any; doing it twice frees it once: true when this call freed it. */
    boolean releaseSeat(String clientToken);
}
