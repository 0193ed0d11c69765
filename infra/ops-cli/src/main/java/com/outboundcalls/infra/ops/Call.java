package com.outboundcalls.infra.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** A command that makes one API call and prints its answer. */
abstract class Call implements Callable<Integer> {
    @Mixin
    Connection connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract AccountsApiClient.Response call(AccountsApiClient api);

    @Override
    public Integer call() {
        AccountsApiClient.Response response;
        try {
            response = call(connection.client());
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        (response.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(response.body());
        return response.ok() ? 0 : 1;
    }

    static ObjectNode body() {
        return Ops.JSON.createObjectNode();
    }

    static String path(String... segments) {
        StringBuilder path = new StringBuilder("/operator/clients");
        for (String segment : segments) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    static String text(ObjectNode node) {
        return node.toString();
    }
}
