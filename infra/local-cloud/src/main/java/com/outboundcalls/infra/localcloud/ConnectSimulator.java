package com.outboundcalls.infra.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.time.Times;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for Amazon Connect's outbound voice API, speaking its REST-JSON wire protocol so the
 * real SDK ConnectClient talks to it: StartOutboundVoiceContact, StopContact, DescribeContact.
 * It enforces Connect's default quotas with Connect's errors (429 TooManyRequestsException above the
 * request rate and burst, LimitExceededException above the concurrent calls), answers a repeated
 * ClientToken with the first ContactId, and emits EventBridge "Amazon Connect Contact Event"s
 * (INITIATED, CONNECTED_TO_SYSTEM, DISCONNECTED) on the local clock.
 */
public final class ConnectSimulator implements AutoCloseable {

    /** Quotas, Connect's defaults unless a test says otherwise. */
    public record Quotas(double requestsPerSecond, int burst, int maxConcurrentCalls) {
        public static Quotas connectDefaults() {
            return new Quotas(2.0, 5, 10);
        }
    }

    /** What the simulator saw, for tests, benchmarks and the demo's summary. */
    public record Stats(long callsPlaced, long repeatedTokens, long throttled, long limitExceeded,
                        int maxConcurrentSeen, long eventsEmitted) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private final Server server;
    private final ServerConnector connector;
    private final Clock clock;
    private final String region;
    private final String accountId;
    private final String instanceId;
    private final Quotas quotas;
    private final CalleePopulation population;
    private final Consumer<List<String>> eventSink;

    private final Map<String, String> contactByToken = new HashMap<>();
    private final Map<String, Call> calls = new HashMap<>();
    private final PriorityQueue<PendingEvent> pending = new PriorityQueue<>();
    private final PriorityQueue<Instant> activeCallEnds = new PriorityQueue<>();
    private double tokens;
    private Instant lastRefill;
    private long callsPlaced;
    private long repeatedTokens;
    private long throttled;
    private long limitExceeded;
    private int maxConcurrentSeen;
    private long eventsEmitted;
    private long sequence;

    private static final class Call {
        final String contactId;
        final String destination;
        final Instant initiated;
        final Instant answered;
        Instant disconnected;
        final CalleePopulation.Attempt attempt;
        final boolean detection;
        final java.util.Map<String, String> startAttributes = new java.util.LinkedHashMap<>();
        /** The routing queue of an agent-assisted call a person answers, else null. */
        String queueId;
        SimulatedAgents.Assignment assignment;
        boolean abandoned;

        Call(String contactId, String destination, Instant initiated, CalleePopulation.Attempt attempt,
             boolean detection) {
            this.contactId = contactId;
            this.detection = detection;
            this.destination = destination;
            this.initiated = initiated;
            this.attempt = attempt;
            boolean pickedUp = attempt.outcome() == CalleePopulation.Outcome.ANSWERED
                    || attempt.outcome() == CalleePopulation.Outcome.VOICEMAIL;
            this.answered = pickedUp ? initiated.plus(attempt.ring()) : null;
            this.disconnected = pickedUp ? answered.plus(attempt.talk()) : initiated.plus(attempt.ring());
        }
    }

    private record PendingEvent(Instant at, long order, String contactId, String type)
            implements Comparable<PendingEvent> {
        @Override
        public int compareTo(PendingEvent o) {
            int byTime = at.compareTo(o.at);
            return byTime != 0 ? byTime : Long.compare(order, o.order);
        }
    }

    private final java.util.Set<String> lostEvents = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, SimulatedAgents> queues = new HashMap<>();
    private long agentSeed = 7;

    /** Logs a team of agents in to a routing queue, from the clock's instant on. */
    public synchronized void staff(SimulatedAgents.Team team) {
        queues.put(team.queueId(), new SimulatedAgents(team, agentSeed++, clock.instant()));
    }

    /** Calls for this routing queue ringing now: placed, not yet answered, not ended. */
    public synchronized int ringing(String queueId) {
        Instant now = clock.instant();
        int ringing = 0;
        for (Call call : calls.values()) {
            if (queueId.equals(call.startAttributes.get("routing_queue")) && !call.initiated.isAfter(now)
                    && (call.answered == null || call.answered.isAfter(now)) && call.disconnected.isAfter(now)) {
                ringing++;
            }
        }
        return ringing;
    }

    /** Agents of the queue free now (logged in, neither talking nor in after-contact work). */
    public synchronized int agentsAvailable(String queueId) {
        return queues.get(queueId).metrics(clock.instant())[1];
    }

    /** What a queue's agents did between two instants (occupancy, abandonment, callee waits). */
    public synchronized SimulatedAgents.Figures agentFigures(String queueId, Instant from, Instant to) {
        SimulatedAgents agents = queues.get(queueId);
        if (agents == null) {
            throw new IllegalArgumentException("no agents staff queue " + queueId);
        }
        return agents.figures(from, to);
    }

    public ConnectSimulator(Clock clock, String region, String accountId, String instanceId, Quotas quotas,
                            CalleePopulation population, Consumer<List<String>> eventSink) {
        this(clock, region, accountId, instanceId, quotas, population, eventSink, 0);
    }

    public ConnectSimulator(Clock clock, String region, String accountId, String instanceId, Quotas quotas,
                            CalleePopulation population, Consumer<List<String>> eventSink, int port) {
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
        this.instanceId = instanceId;
        this.quotas = quotas;
        this.population = population;
        this.eventSink = eventSink;
        this.tokens = quotas.burst();
        this.lastRefill = clock.instant();
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("connect-simulator");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                Reply reply = route(request.getMethod(), Request.getPathInContext(request), body);
                response.setStatus(reply.status());
                response.getHeaders().put("Content-Type", "application/json");
                response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
                if (reply.errorType() != null) {
                    response.getHeaders().put("x-amzn-ErrorType", reply.errorType());
                }
                Content.Sink.write(response, true, reply.body().toString(), callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Connect simulator on port " + port, e);
        }
    }

    /** An HTTP answer: status, Connect's error type when it is an error, JSON body. */
    private record Reply(int status, String errorType, ObjectNode body) {
        static Reply ok(ObjectNode body) {
            return new Reply(200, null, body);
        }

        static Reply error(int status, String type, String message) {
            ObjectNode body = JSON.createObjectNode();
            body.put("__type", type);
            body.put("Message", message);
            return new Reply(status, type, body);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    public synchronized Stats stats() {
        return new Stats(callsPlaced, repeatedTokens, throttled, limitExceeded, maxConcurrentSeen, eventsEmitted);
    }

    /** Calls in progress at the local clock's instant. */
    public synchronized int activeCalls() {
        purgeEnded(clock.instant());
        return activeCallEnds.size();
    }

    /** When the next contact event is due, or null when no call is in progress. */
    public synchronized Instant nextEventTime() {
        return pending.isEmpty() ? null : pending.peek().at();
    }

    /**
     * EventBridge delivers contact events at best effort: the events of this contact will be lost (DescribeContact
     * still knows it), as tests of the repair need.
     */
    public void loseEventsOf(String contactId) {
        lostEvents.add(contactId);
    }

    /** Emits every contact event due at or before the clock's instant, in time order; false if none was. */
    public boolean emitDue() {
        List<String> due = new ArrayList<>();
        synchronized (this) {
            while (!pending.isEmpty() && !pending.peek().at().isAfter(clock.instant())) {
                PendingEvent next = pending.poll();
                if (next.type().startsWith("AGENT_") || next.type().equals("ABANDON_CHECK")) {
                    routeToAgents(next);
                    continue;
                }
                if (lostEvents.contains(next.contactId())) {
                    continue;
                }
                due.add(contactEvent(calls.get(next.contactId()), next.type(), next.at()));
                eventsEmitted++;
            }
        }
        if (due.isEmpty()) {
            return false;
        }
        eventSink.accept(due);
        return true;
    }

    /** The simulator's own steps of an agent-assisted call: an answer routed, a wait abandoned, an agent freed. */
    private void routeToAgents(PendingEvent step) {
        switch (step.type()) {
            case "AGENT_ANSWER" -> {
                Call call = calls.get(step.contactId());
                SimulatedAgents agents = queues.get(call.queueId);
                SimulatedAgents.Assignment a = agents.answered(call.contactId, step.at(),
                        call.startAttributes.get("preferred_agent"));
                if (a != null) {
                    assign(call, agents, a);
                } else {
                    schedule(step.at().plus(agents.team().abandonAfter()), call.contactId, "ABANDON_CHECK");
                }
            }
            case "ABANDON_CHECK" -> {
                Call call = calls.get(step.contactId());
                SimulatedAgents agents = queues.get(call.queueId);
                if (agents.abandonIfWaiting(call.contactId)) {
                    call.abandoned = true;
                    end(call, step.at().plus(agents.team().message()));
                }
            }
            case "AGENT_FREE" -> {
                SimulatedAgents agents = queues.get(step.contactId()); // the queue, for this step
                SimulatedAgents.Assignment a = agents.agentFree(step.at());
                if (a != null) {
                    assign(calls.get(a.contactId()), agents, a);
                }
            }
            default -> throw new IllegalStateException(step.type());
        }
    }

    private void assign(Call call, SimulatedAgents agents, SimulatedAgents.Assignment a) {
        call.assignment = a;
        end(call, a.ended());
        schedule(agents.freeAt(a.agent()), call.queueId, "AGENT_FREE");
    }

    /** The call ends at this instant: its line is held until then, and its DISCONNECTED event is due then. */
    private void end(Call call, Instant at) {
        activeCallEnds.remove(call.disconnected);
        call.disconnected = at;
        activeCallEnds.add(at);
        schedule(at, call.contactId, "DISCONNECTED");
    }

    /** GetCurrentMetricData's quota for the account: 5 requests a second, burst 8. */
    private double metricTokens = 8;
    private Instant metricRefill;
    private long metricReads;
    private long metricThrottles;

    /** GetCurrentMetricData requests answered, and refused for the quota. */
    public synchronized long[] metricReads() {
        return new long[]{metricReads, metricThrottles};
    }

    /** GetCurrentMetricData: each queue asked for, with its agents and waiting callees now. */
    private Reply currentMetrics(String path, JsonNode body) {
        String[] parts = path.split("/");
        if (parts.length != 4 || !instanceId.equals(parts[3])) {
            return Reply.error(404, "ResourceNotFoundException", "instance not found");
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (metricRefill != null && now.isAfter(metricRefill)) {
                metricTokens = Math.min(8, metricTokens + (now.toEpochMilli() - metricRefill.toEpochMilli()) * 5 / 1000.0);
            }
            metricRefill = now;
            if (metricTokens < 1) {
                metricThrottles++;
                return Reply.error(429, "ThrottlingException", "Rate exceeded");
            }
            metricTokens -= 1;
            metricReads++;
        }
        ObjectNode response = JSON.createObjectNode();
        var results = response.putArray("MetricResults");
        synchronized (this) {
            Instant now = clock.instant();
            for (JsonNode q : body.path("Filters").path("Queues")) {
                String queueId = q.asText().substring(q.asText().lastIndexOf('/') + 1);
                SimulatedAgents agents = queues.get(queueId);
                if (agents == null) {
                    continue; // nobody logged in: no data, as Connect answers
                }
                int[] m = agents.metrics(now);
                Map<String, Double> values = Map.of("AGENTS_ONLINE", (double) m[0], "AGENTS_AVAILABLE", (double) m[1],
                        "AGENTS_ON_CONTACT", (double) m[2], "AGENTS_AFTER_CONTACT_WORK", (double) m[3],
                        "CONTACTS_IN_QUEUE", (double) m[4], "OLDEST_CONTACT_AGE", 0.0);
                ObjectNode result = results.addObject();
                ObjectNode queue = result.putObject("Dimensions").putObject("Queue");
                queue.put("Id", queueId);
                queue.put("Arn", instanceArn() + "/queue/" + queueId);
                result.with("Dimensions").put("Channel", "VOICE");
                var collections = result.putArray("Collections");
                for (JsonNode metric : body.path("CurrentMetrics")) {
                    String name = metric.path("Name").asText();
                    ObjectNode c = collections.addObject();
                    c.putObject("Metric").put("Name", name).put("Unit", metric.path("Unit").asText("COUNT"));
                    c.put("Value", values.getOrDefault(name, 0.0));
                }
            }
            response.put("DataSnapshotTime", epochSeconds(now));
        }
        return Reply.ok(response);
    }

    private Reply route(String method, String path, String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            if ("PUT".equals(method) && "/contact/outbound-voice".equals(path)) {
                return startOutboundVoiceContact(json);
            } else if ("POST".equals(method) && "/contact/stop".equals(path)) {
                return stopContact(json);
            } else if ("GET".equals(method) && path.startsWith("/contacts/")) {
                return describeContact(path);
            } else if ("GET".equals(method) && path.startsWith("/contact/attributes/")) {
                return contactAttributes(path);
            } else if ("POST".equals(method) && path.startsWith("/metrics/current/")) {
                return currentMetrics(path, json);
            }
            return Reply.error(404, "ResourceNotFoundException", "no such operation: " + method + " " + path);
        } catch (IOException e) {
            return Reply.error(400, "InvalidRequestException", "the body is not JSON");
        } catch (RuntimeException e) {
            return Reply.error(500, "InternalServiceException", String.valueOf(e.getMessage()));
        }
    }

    private Reply startOutboundVoiceContact(JsonNode body) {
        String destination = body.path("DestinationPhoneNumber").asText(null);
        String token = body.path("ClientToken").asText(null);
        if (!instanceId.equals(body.path("InstanceId").asText())) {
            return Reply.error(404, "ResourceNotFoundException", "instance not found");
        }
        if (body.path("ContactFlowId").asText("").isEmpty()) {
            return Reply.error(400, "InvalidParameterException", "ContactFlowId is required");
        }
        if (destination == null || !E164.matcher(destination).matches()) {
            return Reply.error(400, "InvalidParameterException", "DestinationPhoneNumber must be E.164");
        }
        String source = body.path("SourcePhoneNumber").asText(null);
        if (source == null && body.path("QueueId").asText("").isEmpty()) {
            return Reply.error(400, "InvalidParameterException", "SourcePhoneNumber or QueueId is required");
        }
        if (attributesBytes(body.path("Attributes")) > 32_768) {
            return Reply.error(400, "InvalidParameterException", "Attributes exceed 32,768 bytes");
        }
        boolean detection = body.path("AnswerMachineDetectionConfig").path("EnableAnswerMachineDetection")
                .asBoolean(false);
        if (detection && (!"CAMPAIGN".equals(body.path("TrafficType").asText("GENERAL"))
                || body.path("CampaignId").asText("").isEmpty())) {
            return Reply.error(400, "InvalidParameterException",
                    "answering machine detection requires TrafficType CAMPAIGN and a CampaignId");
        }
        String contactId;
        synchronized (this) {
            Instant now = clock.instant();
            if (!takeRequestToken(now)) {
                throttled++;
                return Reply.error(429, "TooManyRequestsException", "Rate exceeded");
            }
            if (token != null && contactByToken.containsKey(token)) {
                repeatedTokens++;
                contactId = contactByToken.get(token);
            } else {
                purgeEnded(now);
                if (activeCallEnds.size() >= quotas.maxConcurrentCalls()) {
                    limitExceeded++;
                    return Reply.error(429, "LimitExceededException", "The concurrent active calls limit for the instance has been reached");
                }
                contactId = UUID.nameUUIDFromBytes((instanceId + "|" + (token != null ? token : UUID.randomUUID()))
                        .getBytes(StandardCharsets.UTF_8)).toString();
                if (token != null) {
                    contactByToken.put(token, contactId);
                }
                Call call = new Call(contactId, destination, now,
                        population.attempt(destination, token != null ? token : contactId), detection);
                body.path("Attributes").fields().forEachRemaining(f -> call.startAttributes.put(f.getKey(),
                        f.getValue().asText()));
                calls.put(contactId, call);
                callsPlaced++;
                String queueId = call.startAttributes.get("routing_queue");
                boolean toAgents = queueId != null && queues.containsKey(queueId)
                        && !"AGENTLESS".equals(call.startAttributes.get("dialing_mode"))
                        && attemptOutcome(call) == CalleePopulation.Outcome.ANSWERED;
                if (toAgents) {
                    // Its end depends on the agents when the callee answers: held until then.
                    call.queueId = queueId;
                    call.disconnected = call.answered.plus(Duration.ofDays(1));
                }
                activeCallEnds.add(call.disconnected);
                maxConcurrentSeen = Math.max(maxConcurrentSeen, activeCallEnds.size());
                schedule(call.initiated, contactId, "INITIATED");
                if (call.answered != null) {
                    schedule(call.answered, contactId, "CONNECTED_TO_SYSTEM");
                }
                if (toAgents) {
                    schedule(call.answered, contactId, "AGENT_ANSWER");
                } else {
                    schedule(call.disconnected, contactId, "DISCONNECTED");
                }
            }
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("ContactId", contactId);
        return Reply.ok(response);
    }

    private Reply stopContact(JsonNode body) {
        String contactId = body.path("ContactId").asText();
        synchronized (this) {
            Call call = calls.get(contactId);
            Instant now = clock.instant();
            if (call == null || !call.disconnected.isAfter(now)) {
                return Reply.error(400, "ContactNotFoundException", "contact not found or already ended");
            }
            activeCallEnds.remove(call.disconnected);
            pending.removeIf(p -> p.contactId().equals(contactId) && !p.at().isBefore(now));
            call.disconnected = now;
            activeCallEnds.add(now);
            schedule(now, contactId, "DISCONNECTED");
        }
        return Reply.ok(JSON.createObjectNode());
    }

    /**
     * GetContactAttributes: what the call was started with, and what the flow recorded once the callee spoke
     * ({@code callee_refused} when they asked not to be called again).
     */
    private Reply contactAttributes(String path) {
        String[] parts = path.split("/");
        if (parts.length != 5 || !instanceId.equals(parts[3])) {
            return Reply.error(404, "ResourceNotFoundException", "instance not found");
        }
        ObjectNode attributes = JSON.createObjectNode();
        synchronized (this) {
            Call call = calls.get(parts[4]);
            if (call == null) {
                return Reply.error(404, "ResourceNotFoundException", "contact not found");
            }
            call.startAttributes.forEach(attributes::put);
            boolean ended = !call.disconnected.isAfter(clock.instant());
            if (call.queueId != null) {
                // The agent's disposition, set as the conversation ends.
                if (call.assignment != null && ended) {
                    attributes.put("disposition", call.assignment.disposition());
                    if ("CALLBACK".equals(call.assignment.disposition())) {
                        attributes.put("callback_at", SimulatedAgents.tomorrowAtThree(call.assignment.ended(),
                                java.time.ZoneId.of("Europe/Paris")));
                    }
                }
            } else if (call.attempt.asksNotToBeCalled() && ended) {
                attributes.put("callee_refused", "true");
            }
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("Attributes", attributes);
        return Reply.ok(response);
    }

    private Reply describeContact(String path) {
        String[] parts = path.split("/");
        if (parts.length != 4 || !instanceId.equals(parts[2])) {
            return Reply.error(404, "ResourceNotFoundException", "instance not found");
        }
        ObjectNode contact = JSON.createObjectNode();
        synchronized (this) {
            Call call = calls.get(parts[3]);
            if (call == null) {
                return Reply.error(404, "ResourceNotFoundException", "contact not found");
            }
            Instant now = clock.instant();
            contact.put("Id", call.contactId);
            contact.put("Arn", contactArn(call.contactId));
            contact.put("InitiationMethod", "API");
            contact.put("Channel", "VOICE");
            contact.put("InitiationTimestamp", epochSeconds(call.initiated));
            if (call.answered != null && !call.answered.isAfter(now)) {
                contact.put("ConnectedToSystemTimestamp", epochSeconds(call.answered));
            }
            if (!call.disconnected.isAfter(now)) {
                contact.put("DisconnectTimestamp", epochSeconds(call.disconnected));
                contact.put("DisconnectReason", disconnectReason(call));
            }
            if (call.detection && call.answered != null && !call.answered.isAfter(now)) {
                contact.put("AnsweringMachineDetectionStatus", detectionStatus(call));
            }
            if (call.assignment != null && !call.assignment.connected().isAfter(now)) {
                ObjectNode agent = contact.putObject("AgentInfo");
                agent.put("Id", queues.get(call.queueId).agentId(call.assignment.agent()));
                agent.put("ConnectedToAgentTimestamp", epochSeconds(call.assignment.connected()));
            }
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("Contact", contact);
        return Reply.ok(response);
    }

    private static CalleePopulation.Outcome attemptOutcome(Call call) {
        return call.attempt.outcome();
    }

    private boolean takeRequestToken(Instant now) {
        if (now.isAfter(lastRefill)) {
            double elapsed = (now.toEpochMilli() - lastRefill.toEpochMilli()) / 1000.0;
            tokens = Math.min(quotas.burst(), tokens + elapsed * quotas.requestsPerSecond());
            lastRefill = now;
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    private void purgeEnded(Instant now) {
        while (!activeCallEnds.isEmpty() && !activeCallEnds.peek().isAfter(now)) {
            activeCallEnds.poll();
        }
    }

    private void schedule(Instant at, String contactId, String type) {
        pending.add(new PendingEvent(at, sequence++, contactId, type));
    }

    /**
     * What detection heard when it runs: a machine's greeting and beep, or a person. Without detection Connect
     * reports nothing, and a machine that picks up looks like a person who answered.
     */
    private static String detectionStatus(Call call) {
        return call.attempt.outcome() == CalleePopulation.Outcome.VOICEMAIL ? "VOICEMAIL_BEEP" : "HUMAN_ANSWERED";
    }

    private static String disconnectReason(Call call) {
        if (call.abandoned) {
            return "CONTACT_FLOW_DISCONNECT"; // the flow hung up after the recorded message
        }
        return switch (call.attempt.outcome()) {
            case ANSWERED -> "CUSTOMER_DISCONNECT";
            case VOICEMAIL -> "CONTACT_FLOW_DISCONNECT";
            case BUSY -> "TELECOM_BUSY";
            case NO_ANSWER -> "EXPIRED";
        };
    }

    private String contactEvent(Call call, String type, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "0");
        root.put("id", UUID.nameUUIDFromBytes((call.contactId + type).getBytes(StandardCharsets.UTF_8)).toString());
        root.put("detail-type", "Amazon Connect Contact Event");
        root.put("source", "aws.connect");
        root.put("account", accountId);
        root.put("time", Times.iso(at).replaceAll("\\.\\d{3}Z$", "Z"));
        root.put("region", region);
        root.putArray("resources").add(instanceArn()).add(contactArn(call.contactId));
        ObjectNode detail = root.putObject("detail");
        detail.put("eventType", type);
        detail.put("contactId", call.contactId);
        detail.put("channel", "VOICE");
        detail.put("instanceArn", instanceArn());
        detail.put("initiationMethod", "API");
        detail.put("initiationTimestamp", Times.iso(call.initiated));
        if (call.answered != null && !at.isBefore(call.answered)) {
            detail.put("connectedToSystemTimestamp", Times.iso(call.answered));
            if (call.detection) {
                detail.put("answeringMachineDetectionStatus", detectionStatus(call));
            }
        }
        if ("DISCONNECTED".equals(type)) {
            detail.put("disconnectTimestamp", Times.iso(call.disconnected));
            detail.put("disconnectReason", disconnectReason(call));
        }
        if (call.queueId != null && !at.isBefore(call.answered)) {
            ObjectNode queue = detail.putObject("queueInfo");
            queue.put("queueArn", instanceArn() + "/queue/" + call.queueId);
            queue.put("enqueueTimestamp", Times.iso(call.answered));
            if (call.assignment != null && !at.isBefore(call.assignment.connected())) {
                ObjectNode agent = detail.putObject("agentInfo");
                agent.put("agentArn", instanceArn() + "/agent/" + queues.get(call.queueId).agentId(call.assignment.agent()));
                agent.put("connectedToAgentTimestamp", Times.iso(call.assignment.connected()));
            }
        }
        return root.toString();
    }

    private String instanceArn() {
        return "arn:aws:connect:" + region + ":" + accountId + ":instance/" + instanceId;
    }

    private String contactArn(String contactId) {
        return instanceArn() + "/contact/" + contactId;
    }

    private static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static int attributesBytes(JsonNode attributes) {
        int bytes = 0;
        for (var it = attributes.fields(); it.hasNext(); ) {
            var e = it.next();
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    /** Destinations of the calls placed, in order (tests check that no callee is called twice). */
    /** Seconds of calls in progress between two instants, summed over the calls: how busy the lines were. */
    public synchronized double lineSecondsBetween(Instant from, Instant to) {
        long millis = 0;
        for (Call call : calls.values()) {
            Instant start = call.initiated.isAfter(from) ? call.initiated : from;
            Instant end = call.disconnected.isBefore(to) ? call.disconnected : to;
            if (end.isAfter(start)) {
                millis += Duration.between(start, end).toMillis();
            }
        }
        return millis / 1000.0;
    }

    /**
     * Line-seconds between two instants, by the value of one start attribute of each call (e.g. campaignId):
     * how the lines were shared.
     */
    public synchronized java.util.Map<String, Double> lineSecondsBetween(Instant from, Instant to, String attribute) {
        java.util.Map<String, Double> byValue = new java.util.TreeMap<>();
        for (Call call : calls.values()) {
            Instant start = call.initiated.isAfter(from) ? call.initiated : from;
            Instant end = call.disconnected.isBefore(to) ? call.disconnected : to;
            if (end.isAfter(start)) {
                byValue.merge(String.valueOf(call.startAttributes.get(attribute)),
                        Duration.between(start, end).toMillis() / 1000.0, Double::sum);
            }
        }
        return byValue;
    }

    /** Calls placed so far, by the value of one start attribute. */
    public synchronized java.util.Map<String, Long> callsPlacedBy(String attribute) {
        java.util.Map<String, Long> byValue = new java.util.TreeMap<>();
        calls.values().forEach(c -> byValue.merge(String.valueOf(c.startAttributes.get(attribute)), 1L, Long::sum));
        return byValue;
    }

    public synchronized List<String> placedDestinations() {
        List<String> destinations = new ArrayList<>();
        calls.values().stream().sorted(java.util.Comparator.comparing(c -> c.initiated))
                .forEach(c -> destinations.add(c.destination));
        return destinations;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // best effort on shutdown
        }
    }
}
