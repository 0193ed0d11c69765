package com.outboundcalls.dial;

/** The provider's routing queues as Connect sees them now (GetCurrentMetricData). */
@FunctionalInterface
public interface AgentQueues {
    QueueMetrics current(String queueId);
}
