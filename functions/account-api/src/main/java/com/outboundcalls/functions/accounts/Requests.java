package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.account.RequestRefused;
import com.outboundcalls.lambda.HttpJson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the accounts API reads of every request: the caller, the route's shape, the JSON body. */
final class Requests {

    private static final Pattern ASSUMED_ROLE = Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+");

    private Requests() {
    }

    /**
     * The caller as API Gateway authenticated it. A role's temporary session ({@code sts ... assumed-role/R/s})
     * stands for its role ({@code iam ... role/R}), which is what an operator binds to a client.
     */
    static String principal(APIGatewayV2HTTPEvent event) {
        String arn = HttpJson.callerArn(event);
        Matcher assumed = ASSUMED_ROLE.matcher(arn == null ? "" : arn);
        return assumed.matches() ? "arn:" + assumed.group(1) + ":iam::" + assumed.group(2) + ":role/" + assumed.group(3)
                : arn;
    }

    /** A path's shape for routing: fixed segments kept, ids as {@code *}. */
    static String shape(List<String> path) {
        if (path.isEmpty()) {
            return "";
        }
        List<String> shape = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            boolean id = (i == 1 && List.of("campaigns", "caller-ids", "oppositions", "users", "erasures").contains(path.get(0))
                    && !(path.get(0).equals("oppositions") && path.get(1).equals("imports")))
                    || (i == 2 && path.get(0).equals("caller-ids"))
                    || (i == 2 && path.get(0).equals("campaigns") && !List.of("reports", "uploads").contains(path.get(2)));
            shape.add(id ? "*" : path.get(i));
        }
        return String.join("/", shape);
    }

    /** A principal as logs show it: a user's address masked, an IAM ARN as is. */
    static String loggable(String principal) {
        if (principal == null || !principal.startsWith("user:")) {
            return principal;
        }
        String email = principal.substring("user:".length());
        int at = email.indexOf('@');
        return "user:" + (at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at));
    }

    static JsonNode body(APIGatewayV2HTTPEvent event) {
        JsonNode body = bodyOrEmpty(event);
        if (body.isMissingNode()) {
            throw RequestRefused.Invalid.field("body", "a JSON body is required");
        }
        return body;
    }

    static JsonNode bodyOrEmpty(APIGatewayV2HTTPEvent event) {
        try {
            return HttpJson.body(event);
        } catch (HttpJson.UnreadableBody e) {
            throw RequestRefused.Invalid.field("body", "not valid JSON: " + e.getMessage());
        }
    }
}
