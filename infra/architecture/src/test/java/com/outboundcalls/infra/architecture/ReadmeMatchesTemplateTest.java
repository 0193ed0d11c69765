package com.outboundcalls.infra.architecture;

import com.outboundcalls.infra.localcloud.CloudTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's table of functions names every function of template.yaml, with its handler, and no other. */
class ReadmeMatchesTemplateTest {

    private static final Path ROOT = Path.of("../..");

    @Test
    void everyHandlerOfTheTemplateIsInTheReadmesFunctionTable() throws IOException {
        Map<String, String> handlers = templateHandlers();
        assertTrue(handlers.size() >= 15, "the template's functions were read: " + handlers);
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## The functions");
        assertTrue(start >= 0, "the README has a section '## The functions'");
        int end = readme.indexOf("\n## ", start + 1);
        String table = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> missing = new ArrayList<>();
        handlers.forEach((function, handler) -> {
            String className = handler.substring(0, handler.indexOf("::") < 0 ? handler.length() : handler.indexOf("::"));
            if (!table.contains("`" + function + "`") || !table.contains(className)) {
                missing.add(function + " (" + className + ")");
            }
        });
        assertEquals(List.of(), missing, "functions of template.yaml missing from the README's table");
        long rows = table.lines().filter(l -> l.startsWith("| `")).count();
        assertEquals(handlers.size(), rows, "one row per function of the template, no more");
    }

    /** Function logical id to Handler, for every AWS::Serverless::Function of the template. */
    private static Map<String, String> templateHandlers() {
        CloudTemplate template = CloudTemplate.load(ROOT.resolve("template.yaml"));
        Map<String, String> handlers = new TreeMap<>();
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            handlers.put(id, String.valueOf(template.properties(id).get("Handler")));
        }
        return handlers;
    }
}
