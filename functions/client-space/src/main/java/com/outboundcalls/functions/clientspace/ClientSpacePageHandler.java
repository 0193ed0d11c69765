package com.outboundcalls.functions.clientspace;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.HttpApiHandler;
import com.outboundcalls.lambda.PrimingEvents;

import java.util.Map;

/**
 * The client space's page: {@code GET /} and {@code GET /app/{file}} on the client space's API, without a token
 * (the page signs in, then calls the API with the user's token). Every answer carries the page's strict
 * Content-Security-Policy, which names the only other places the page talks to: the user pool's endpoint and the
 * bucket the upload links point at.
 */
public final class ClientSpacePageHandler implements HttpApiHandler {

    private final PageFiles files;

    public ClientSpacePageHandler() {
        this(FunctionRuntime.system());
    }

    public ClientSpacePageHandler(FunctionRuntime runtime) {
        this(new PageFiles(PageSettings.of(runtime.environment())));
        // Before SnapStart's snapshot, a request for the page handed over as Lambda hands it: its JSON read and its
        // answer written by the function's own mapping, loaded and compiled before the first visitor.
        new Wiring(runtime).primeWith(() -> PrimingEvents.httpApi(this, "GET", "/", false));
    }

    public ClientSpacePageHandler(PageFiles files) {
        this.files = files;
        // The page read from the jar and its answer made once while the function starts, not on its first request.
        files.answer("index.html");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        return files.answer(path.getOrDefault("file", "index.html"));
    }
}
