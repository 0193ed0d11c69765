package com.outboundcalls.aws;

import com.outboundcalls.dial.AgentQueues;
import com.outboundcalls.dial.QueueMetrics;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Channel;
import software.amazon.awssdk.services.connect.model.CurrentMetric;
import software.amazon.awssdk.services.connect.model.CurrentMetricData;
import software.amazon.awssdk.services.connect.model.CurrentMetricName;
import software.amazon.awssdk.services.connect.model.CurrentMetricResult;
import software.amazon.awssdk.services.connect.model.GetCurrentMetricDataResponse;
import software.amazon.awssdk.services.connect.model.Grouping;
import software.amazon.awssdk.services.connect.model.Unit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A routing queue's agents from Connect's GetCurrentMetricData (voice, grouped by queue), read afresh each time: a
 * stale read would count an agent gone to after-contact work as still talking, and let one call too many ring.
 * Reads follow the calls (at most the dialers' pacing rate, plus the refills of calls ending), under the 5 requests a
 * second Connect allows the account. When Connect throttles the read, the last read of the queue serves if it is at
 * most {@link #STALE_AT_MOST} old, else the queue is taken as having no agent free: a call waits, none is lost.
 */
public final class ConnectAgentQueues implements AgentQueues {

    static final Duration STALE_AT_MOST = Duration.ofSeconds(5);
    private static final List<CurrentMetric> METRICS = List.of(
            count(CurrentMetricName.AGENTS_ONLINE), count(CurrentMetricName.AGENTS_AVAILABLE),
            count(CurrentMetricName.AGENTS_ON_CONTACT), count(CurrentMetricName.AGENTS_AFTER_CONTACT_WORK),
            count(CurrentMetricName.CONTACTS_IN_QUEUE),
            CurrentMetric.builder().name(CurrentMetricName.OLDEST_CONTACT_AGE).unit(Unit.SECONDS).build());

    private record Read(QueueMetrics metrics, Instant at) {
    }

    private final ConnectClient connect;
    private final String instanceId;
    private final Clock clock;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    public ConnectAgentQueues(ConnectClient connect, String instanceId, Clock clock) {
        this.connect = connect;
        this.instanceId = instanceId;
        this.clock = clock;
    }

    @Override
    public QueueMetrics current(String queueId) {
        Instant now = clock.instant();
        try {
            QueueMetrics metrics = read(queueId);
            reads.put(queueId, new Read(metrics, now));
            return metrics;
        } catch (software.amazon.awssdk.services.connect.model.ThrottlingException
                 | software.amazon.awssdk.services.connect.model.TooManyRequestsException
                 | software.amazon.awssdk.services.connect.model.LimitExceededException throttled) {
            Read last = reads.get(queueId);
            return last != null && !now.isAfter(last.at().plus(STALE_AT_MOST)) ? last.metrics()
                    : new QueueMetrics(0, 0, 0, 0, 0, Duration.ZERO);
        }
    }

    private QueueMetrics read(String queueId) {
        GetCurrentMetricDataResponse response = connect.getCurrentMetricData(r -> r.instanceId(instanceId)
                .filters(f -> f.queues(queueId).channels(Channel.VOICE)).groupings(Grouping.QUEUE)
                .currentMetrics(METRICS));
        Map<CurrentMetricName, Double> values = new EnumMap<>(CurrentMetricName.class);
        for (CurrentMetricResult result : response.metricResults()) {
            for (CurrentMetricData data : result.collections()) {
                if (data.metric() != null && data.metric().name() != null && data.value() != null) {
                    values.merge(data.metric().name(), data.value(), Double::sum);
                }
            }
        }
        // No result at all: nobody logged in to the queue and nothing waiting.
        return new QueueMetrics(count(values, CurrentMetricName.AGENTS_ONLINE),
                count(values, CurrentMetricName.AGENTS_AVAILABLE), count(values, CurrentMetricName.AGENTS_ON_CONTACT),
                count(values, CurrentMetricName.AGENTS_AFTER_CONTACT_WORK),
                count(values, CurrentMetricName.CONTACTS_IN_QUEUE),
                Duration.ofMillis((long) (1000 * values.getOrDefault(CurrentMetricName.OLDEST_CONTACT_AGE, 0.0))));
    }

    private static int count(Map<CurrentMetricName, Double> values, CurrentMetricName name) {
        return (int) Math.round(values.getOrDefault(name, 0.0));
    }

    private static CurrentMetric count(CurrentMetricName name) {
        return CurrentMetric.builder().name(name).unit(Unit.COUNT).build();
    }
}
