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
 * A routing queue's agents from Connect's GetCurrentMetricData (voice, grouped by queue). Connect allows 5 requests
 * a second (burst 8) for the whole account: each container reads a queue at most once per {@link #FRESH_FOR} and
 * answers from that read in between, so the dialers and feeders together stay well under the quota.
 */
public final class ConnectAgentQueues implements AgentQueues {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);
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
        Read last = reads.get(queueId);
        if (last != null && !now.isBefore(last.at()) && now.isBefore(last.at().plus(FRESH_FOR))) {
            return last.metrics();
        }
        QueueMetrics metrics = read(queueId);
        reads.put(queueId, new Read(metrics, now));
        return metrics;
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
