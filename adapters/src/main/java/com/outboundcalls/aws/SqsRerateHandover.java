package com.outboundcalls.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The message: the routes whose UNRATED calls to rate. */
    public record Message(List<RouteRerating.Route> routes) {
        public Message {
            if (routes == null || routes.isEmpty() || routes.size() > ROUTES_PER_MESSAGE) {
                throw new IllegalArgumentException("a rerate message names 1 to " + ROUTES_PER_MESSAGE + " routes");
            }
            routes = List.copyOf(routes);
        }

        public static Message fromJson(String json) {
            try {
                return JSON.readValue(json, Message.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a rerate message: " + e.getOriginalMessage(), e);
            }
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
            try {
                String body = JSON.writeValueAsString(message);
                sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
