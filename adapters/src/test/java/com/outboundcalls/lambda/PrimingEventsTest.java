package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.outboundcalls.account.OperatorAllowList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrimingEventsTest {

    private final List<APIGatewayV2HTTPEvent> received = new ArrayList<>();
    private final HttpApiHandler handler = (APIGatewayV2HTTPEvent event, Context context) -> {
        received.add(event);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
    };

    @Test
    void aRouteWithPathParametersReachesTheHandlerFilledInWithItsBodyAndSignedByNobody() {
        PrimingEvents.httpApi(handler, "POST", "/invoices/{number}/disputes", Map.of("number", "N-1"),
                "{\"reason\":\"priming\"}");

        APIGatewayV2HTTPEvent event = received.get(0);
        assertEquals("POST /invoices/{number}/disputes", event.getRouteKey());
        assertEquals("/invoices/N-1/disputes", event.getRawPath());
        assertEquals(Map.of("number", "N-1"), event.getPathParameters());
        assertEquals("{\"reason\":\"priming\"}", event.getBody());
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals(PrimingEvents.NOBODY, HttpJson.callerArn(event));
    }

    @Test
    void thePrimingPrincipalIsNoStaffOfAnyRealAllowListEvenAWholeAccountOne() {
        PrimingEvents.httpApi(handler, "GET", "/invoices", false);

        APIGatewayV2HTTPEvent event = received.get(0);
        assertNull(event.getPathParameters());
        assertNull(event.getBody());
        String caller = HttpJson.callerArn(event);
        assertFalse(OperatorAllowList.parse("arn:aws:iam::123456789012:*, arn:*").allows(caller));
        assertTrue(new OperatorAllowList(List.of(PrimingEvents.NOBODY)).allows(caller),
                "only a list naming it, as the priming handlers on dry clients have");
    }
}
