package com.outboundcalls.infra.localcloud;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as the local cloud reads it: resources by logical id, with CloudFormation's short-form
 * tags (!Ref, !Sub, !GetAtt, ...) turned into their long form, and the intrinsics this template uses
 * resolved against local names.
 */
public final class CloudTemplate {

    private final Map<String, Object> root;

    private CloudTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static CloudTemplate load(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            return parse(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    @SuppressWarnings("unchecked")
    static CloudTemplate parse(Reader reader) {
        Yaml yaml = new Yaml(new IntrinsicConstructor());
        return new CloudTemplate((Map<String, Object>) yaml.load(reader));
    }

    /** Finds template.yaml in the directory given or the nearest parent that has one. */
    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("template.yaml not found from " + start.toAbsolutePath());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) root.getOrDefault("Resources", Map.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resources().get(logicalId).getOrDefault("Properties", Map.of());
    }

    public String type(String logicalId) {
        return (String) resources().get(logicalId).get("Type");
    }

    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, r) -> {
            if (type.equals(r.get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Parameters with their defaults (null when none). */
    @SuppressWarnings("unchecked")
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, Map<String, Object>> params = (Map<String, Map<String, Object>>) (Map<?, ?>) root
                .getOrDefault("Parameters", Map.of());
        params.forEach((name, p) -> defaults.put(name, p.get("Default") == null ? null : String.valueOf(p.get("Default"))));
        return defaults;
    }

    /** The Globals section's function environment variables. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> globalFunctionEnvironment() {
        Map<String, Object> globals = (Map<String, Object>) root.getOrDefault("Globals", Map.of());
        Map<String, Object> function = (Map<String, Object>) globals.getOrDefault("Function", Map.of());
        Map<String, Object> env = (Map<String, Object>) function.getOrDefault("Environment", Map.of());
        return (Map<String, Object>) env.getOrDefault("Variables", Map.of());
    }

    /** A function's EventInvokeConfig: its own, else the Globals' (empty when neither has one). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> eventInvokeConfig(String functionId) {
        Object own = properties(functionId).get("EventInvokeConfig");
        if (own instanceof Map<?, ?> config) {
            return (Map<String, Object>) config;
        }
        Map<String, Object> globals = (Map<String, Object>) root.getOrDefault("Globals", Map.of());
        Map<String, Object> function = (Map<String, Object>) globals.getOrDefault("Function", Map.of());
        return (Map<String, Object>) function.getOrDefault("EventInvokeConfig", Map.of());
    }

    /**
     * The methods and headers the buckets' CORS rules allow, all rules of all buckets together (the template has one
     * bucket and one rule); empty when no bucket has any.
     */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> bucketCors() {
        List<String> methods = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (String id : resourcesOfType("AWS::S3::Bucket")) {
            Map<String, Object> cors = (Map<String, Object>) properties(id).getOrDefault("CorsConfiguration", Map.of());
            for (Map<String, Object> rule : (List<Map<String, Object>>) cors.getOrDefault("CorsRules", List.of())) {
                ((List<String>) rule.getOrDefault("AllowedMethods", List.of())).forEach(methods::add);
                ((List<String>) rule.getOrDefault("AllowedHeaders", List.of())).forEach(headers::add);
            }
        }
        return methods.isEmpty() ? Map.of() : Map.of("methods", methods, "headers", headers);
    }

    /**
     * Resolves the intrinsics of a value: {@code Ref} to parameters, pseudo parameters and resources,
     * {@code Fn::GetAtt}, {@code Fn::Sub} (string form), {@code Fn::Join}.
     */
    @SuppressWarnings("unchecked")
    public static Object resolve(Object value, Function<String, String> ref, Function<String, String> getAtt) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<String, Object> e = ((Map<String, Object>) map).entrySet().iterator().next();
            switch (e.getKey()) {
                case "Ref":
                    return ref.apply((String) e.getValue());
                case "Fn::GetAtt": {
                    Object target = e.getValue();
                    String dotted = target instanceof List<?> l ? l.get(0) + "." + l.get(1) : (String) target;
                    return getAtt.apply(dotted);
                }
                case "Fn::Sub":
                    return substitute((String) e.getValue(), ref, getAtt);
                case "Fn::Join": {
                    List<Object> args = (List<Object>) e.getValue();
                    List<String> parts = new ArrayList<>();
                    for (Object part : (List<Object>) args.get(1)) {
                        parts.add(String.valueOf(resolve(part, ref, getAtt)));
                    }
                    return String.join((String) args.get(0), parts);
                }
                default:
                    break;
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, resolve(v, ref, getAtt)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(resolve(v, ref, getAtt)));
            return out;
        }
        return value;
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    static String substitute(String template, Function<String, String> ref, Function<String, String> getAtt) {
        Matcher m = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.contains(".") && !name.startsWith("AWS::") ? getAtt.apply(name) : ref.apply(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Reads CloudFormation's short-form tags as the long form they abbreviate. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String fn : List.of("Ref", "Sub", "GetAtt", "Join", "If", "Equals", "Not", "And", "Or", "Select",
                    "Split", "FindInMap", "ImportValue", "Base64", "GetAZs", "Condition")) {
                String longName = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
                this.yamlConstructors.put(new Tag("!" + fn), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value;
                        if (node instanceof ScalarNode scalar) {
                            String text = scalar.getValue();
                            value = fn.equals("GetAtt") ? List.of(text.split("\\.", 2)) : text;
                        } else if (node instanceof SequenceNode seq) {
                            value = constructSequence(seq);
                        } else {
                            value = constructMapping((MappingNode) node);
                        }
                        return Map.of(longName, value);
                    }
                });
            }
        }
    }
}
