package com.outboundcalls.dial;

import java.util.List;

/** The queue the dialer consumes. */
public interface DialQueue {
    void send(List<DialMessage> messages);
}
