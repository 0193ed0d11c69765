package com.outboundcalls.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.json.JsonTrees;
import com.outboundcalls.rate.RouteRerating;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands the routes a new price-list version prices to the rating side through the rerate queue, a bounded number
 * of routes per message so that one message is rated well within its function's timeout.
 */
public final class SqsRerateHandover implements RouteRerating.Handover {

    /** Routes per message: a list of every country pair and number type still fits in a few hundred messages. */
    public static final int ROUTES_PER_MESSAGE = 50;

    private static final java.util.Set<String> MESSAGE_FIELDS = java.util.Set.of("routes");
    private static final java.util.Set<String> ROUTE_FIELDS = java.util.Set.of("originCountry", "destinationCountry",
            "numberType");

    /** The message: the routes whose UNRATED calls to rate. */
    public record Message(List<RouteRerating.Route> routes) {
        public Message {
            if (routes == null || routes.isEmpty() || routes.size() > ROUTES_PER_MESSAGE) {
                throw new IllegalArgumentException("a rerate message names 1 to " + ROUTES_PER_MESSAGE + " routes");
            }
            routes = List.copyOf(routes);
        }

        public static Message fromJson(String json) {
            String what = "a rerate message";
            JsonNode root;
            try {
                root = JsonTrees.fields(JsonTrees.read(json), MESSAGE_FIELDS, what);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a rerate message: " + e.getOriginalMessage(), e);
            }
            JsonNode routes = root.get("routes");
            if (routes == null || routes.isNull()) {
                return new Message(null);
            }
            if (!routes.isArray()) {
                throw new IllegalArgumentException(what + "'s routes are not an array");
            }
            List<RouteRerating.Route> read = new ArrayList<>();
            for (JsonNode route : routes) {
                JsonTrees.fields(route, ROUTE_FIELDS, "a rerate message's route");
                read.add(new RouteRerating.Route(JsonTrees.text(route, "originCountry", what),
                        JsonTrees.text(route, "destinationCountry", what), JsonTrees.text(route, "numberType", what)));
            }
            return new Message(read);
        }

        String toJson() {
            ObjectNode root = JsonTrees.object();
            ArrayNode array = root.putArray("routes");
            routes.forEach(route -> array.addObject().put("originCountry", route.originCountry())
                    .put("destinationCountry", route.destinationCountry()).put("numberType", route.numberType()));
            return JsonTrees.write(root);
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRerateHandover(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void rerate(Collection<RouteRerating.Route> routes) {
        List<RouteRerating.Route> all = new ArrayList<>(routes);
        for (int from = 0; from < all.size(); from += ROUTES_PER_MESSAGE) {
            Message message = new Message(all.subList(from, Math.min(all.size(), from + ROUTES_PER_MESSAGE)));
            String body = message.toJson();
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        }
    }
}
