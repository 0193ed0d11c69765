package com.outboundcalls.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.time.Times;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    private final HttpServer server;
    private final Clock clock;
    private final String region;
    private final String accountId;
    private final String instanceId;
    private final Quotas quotas;
    private final CalleePopulation population;
    private final Consumer<String> eventSink;

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

        Call(String contactId, String destination, Instant initiated, CalleePopulation.Attempt attempt) {
            this.contactId = contactId;
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

    public ConnectSimulator(Clock clock, String region, String accountId, String instanceId, Quotas quotas,
                            CalleePopulation population, Consumer<String> eventSink) {
        this(clock, region, accountId, instanceId, quotas, population, eventSink, 0);
    }

    public ConnectSimulator(Clock clock, String region, String accountId, String instanceId, Quotas quotas,
                            CalleePopulation population, Consumer<String> eventSink, int port) {
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
        this.instanceId = instanceId;
        this.quotas = quotas;
        this.population = population;
        this.eventSink = eventSink;
        this.tokens = quotas.burst();
        this.lastRefill = clock.instant();
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the Connect simulator's port", e);
        }
        server.createContext("/", this::route);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
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

    /** Emits every contact event due at or before the clock's instant, in time order. */
    public void emitDue() {
        while (true) {
            String event;
            synchronized (this) {
                PendingEvent next = pending.peek();
                if (next == null || next.at().isAfter(clock.instant())) {
                    return;
                }
                pending.poll();
                event = contactEvent(calls.get(next.contactId()), next.type(), next.at());
                eventsEmitted++;
            }
            eventSink.accept(event);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("PUT".equals(method) && "/contact/outbound-voice".equals(path)) {
                startOutboundVoiceContact(exchange);
            } else if ("POST".equals(method) && "/contact/stop".equals(path)) {
                stopContact(exchange);
            } else if ("GET".equals(method) && path.startsWith("/contacts/")) {
                describeContact(exchange, path);
            } else {
                error(exchange, 404, "ResourceNotFoundException", "no such operation: " + method + " " + path);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalServiceException", String.valueOf(e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private void startOutboundVoiceContact(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String destination = body.path("DestinationPhoneNumber").asText(null);
        String token = body.path("ClientToken").asText(null);
        if (!instanceId.equals(body.path("InstanceId").asText())) {
            error(exchange, 404, "ResourceNotFoundException", "instance not found");
            return;
        }
        if (body.path("ContactFlowId").asText("").isEmpty()) {
            error(exchange, 400, "InvalidParameterException", "ContactFlowId is required");
            return;
        }
        if (destination == null || !E164.matcher(destination).matches()) {
            error(exchange, 400, "InvalidParameterException", "DestinationPhoneNumber must be E.164");
            return;
        }
        String source = body.path("SourcePhoneNumber").asText(null);
        if (source == null && body.path("QueueId").asText("").isEmpty()) {
            error(exchange, 400, "InvalidParameterException", "SourcePhoneNumber or QueueId is required");
            return;
        }
        if (attributesBytes(body.path("Attributes")) > 32_768) {
            error(exchange, 400, "InvalidParameterException", "Attributes exceed 32,768 bytes");
            return;
        }
        String contactId;
        synchronized (this) {
            Instant now = clock.instant();
            if (!takeRequestToken(now)) {
                throttled++;
                error(exchange, 429, "TooManyRequestsException", "Rate exceeded");
                return;
            }
            if (token != null && contactByToken.containsKey(token)) {
                repeatedTokens++;
                contactId = contactByToken.get(token);
            } else {
                purgeEnded(now);
                if (activeCallEnds.size() >= quotas.maxConcurrentCalls()) {
                    limitExceeded++;
                    error(exchange, 429, "LimitExceededException",
                            "The concurrent active calls limit for the instance has been reached");
                    return;
                }
                contactId = UUID.nameUUIDFromBytes((instanceId + "|" + (token != null ? token : UUID.randomUUID()))
                        .getBytes(StandardCharsets.UTF_8)).toString();
                if (token != null) {
                    contactByToken.put(token, contactId);
                }
                Call call = new Call(contactId, destination, now,
                        population.attempt(destination, token != null ? token : contactId));
                calls.put(contactId, call);
                callsPlaced++;
                activeCallEnds.add(call.disconnected);
                maxConcurrentSeen = Math.max(maxConcurrentSeen, activeCallEnds.size());
                schedule(call.initiated, contactId, "INITIATED");
                if (call.answered != null) {
                    schedule(call.answered, contactId, "CONNECTED_TO_SYSTEM");
                }
                schedule(call.disconnected, contactId, "DISCONNECTED");
            }
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("ContactId", contactId);
        reply(exchange, 200, response);
    }

    private void stopContact(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String contactId = body.path("ContactId").asText();
        synchronized (this) {
            Call call = calls.get(contactId);
            Instant now = clock.instant();
            if (call == null || !call.disconnected.isAfter(now)) {
                error(exchange, 400, "ContactNotFoundException", "contact not found or already ended");
                return;
            }
            activeCallEnds.remove(call.disconnected);
            pending.removeIf(p -> p.contactId().equals(contactId) && !p.at().isBefore(now));
            call.disconnected = now;
            activeCallEnds.add(now);
            schedule(now, contactId, "DISCONNECTED");
        }
        reply(exchange, 200, JSON.createObjectNode());
    }

    private void describeContact(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.split("/");
        if (parts.length != 4 || !instanceId.equals(parts[2])) {
            error(exchange, 404, "ResourceNotFoundException", "instance not found");
            return;
        }
        ObjectNode contact = JSON.createObjectNode();
        synchronized (this) {
            Call call = calls.get(parts[3]);
            if (call == null) {
                error(exchange, 404, "ResourceNotFoundException", "contact not found");
                return;
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
            if (call.attempt.outcome() == CalleePopulation.Outcome.VOICEMAIL && call.answered != null
                    && !call.answered.isAfter(now)) {
                contact.put("AnsweringMachineDetectionStatus", "VOICEMAIL_BEEP");
            }
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("Contact", contact);
        reply(exchange, 200, response);
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

    private static String disconnectReason(Call call) {
        return switch (call.attempt.outcome()) {
            case ANSWERED -> "CUSTOMER_DISCONNECT";
            case VOICEMAIL -> "CONTACT_FLOW_DISCONNECT";
            case BUSY -> "TELECOM_PROBLEM";
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
            if (call.attempt.outcome() == CalleePopulation.Outcome.VOICEMAIL) {
                detail.put("answeringMachineDetectionStatus", "VOICEMAIL_BEEP");
            }
        }
        if ("DISCONNECTED".equals(type)) {
            detail.put("disconnectTimestamp", Times.iso(call.disconnected));
            detail.put("disconnectReason", disconnectReason(call));
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

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("Message", message);
        reply(exchange, status, body);
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Destinations of the calls placed, in order (tests check that no callee is called twice). */
    public synchronized List<String> placedDestinations() {
        List<String> destinations = new ArrayList<>();
        calls.values().stream().sorted(java.util.Comparator.comparing(c -> c.initiated))
                .forEach(c -> destinations.add(c.destination));
        return destinations;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
