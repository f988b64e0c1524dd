package io.herdgate.gateway.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meta's WhatsApp Business Messaging OpenAPI 3.1 document (Graph API v23.0, bundled unchanged), able to
 * check a request against it: the operation must exist for the method and path, every declared path,
 * query and header parameter must be present when required and match its schema, and the body must
 * have a declared media type and match that media type's schema (JSON Schema 2020-12, OpenAPI 3.1 dialect).
 *
 * <p>The document has a few errata that would reject requests Meta accepts; they are corrected on load
 * (see {@link #correctErrata}) and nothing else is changed. Thread-safe; schemas compile on first use.
 */
public final class CloudApiSpec {

    /** The bundled document's resource name. */
    /** Meta's spec, unchanged, gzip-compressed (1.1 MB of YAML, 0.1 MB in the jar and the repository). */
    public static final String RESOURCE = "/io/herdgate/gateway/phone/business-messaging-api_v23.0.yaml.gz";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final ObjectNode components;
    private final List<Operation> operations;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** One operation: its method, path template, the pattern matching concrete paths, and its node. */
    private record Operation(String method, String template, Pattern pattern, List<String> variables,
                             int literalSegments, JsonNode node, List<JsonNode> parameters) {
    }

    private CloudApiSpec(JsonNode root) {
        this.components = (ObjectNode) root.path("components");
        this.operations = operations(root);
        // "components" rides along in each schema document (see schema()); it is data, not a keyword.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                .keyword(new NonValidationKeyword("components"))
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri()));
        this.config = SchemaValidatorsConfig.builder().locale(Locale.ROOT).build();
    }

    private static final class Bundled {
        static final CloudApiSpec INSTANCE = load();

        private static CloudApiSpec load() {
            try (InputStream in = CloudApiSpec.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from this build");
                }
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(new GZIPInputStream(in));
                correctErrata(root);
                return new CloudApiSpec(root);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** The bundled v23.0 document, loaded once (about half a second) and shared. */
    public static CloudApiSpec bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * The problems with {@code request}, one line each naming the place ({@code body $.template.name},
     * {@code header Authorization}, ...); empty when the request conforms to the document.
     */
    public List<String> violations(SpecRequest request) {
        Optional<Operation> found = operation(request.method(), request.path());
        if (found.isEmpty()) {
            return List.of("no operation " + request.method() + " " + request.path() + " in the API");
        }
        Operation op = found.get();
        Matcher m = op.pattern().matcher(request.path());
        if (!m.matches()) {
            throw new IllegalStateException("operation lookup and match disagree for " + request.path());
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (int i = 0; i < op.variables().size(); i++) {
            pathValues.put(op.variables().get(i), m.group(i + 1));
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode p : op.parameters()) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            Optional<String> value = switch (in) {
                case "path" -> Optional.ofNullable(pathValues.get(name));
                case "query" -> Optional.ofNullable(request.query().get(name));
                case "header" -> request.header(name);
                default -> Optional.empty();
            };
            if (value.isEmpty()) {
                if (p.path("required").asBoolean(false)) {
                    problems.add(in + " " + name + ": required but missing");
                }
                continue;
            }
            if (p.has("schema")) {
                JsonSchema schema = schema(op.method() + " " + op.template() + " " + in + " " + name, p.get("schema"));
                for (ValidationMessage v : schema.validate(parameterValue(value.get(), p.get("schema")))) {
                    problems.add(in + " " + name + ": " + v.getMessage());
                }
            }
        }
        problems.addAll(bodyViolations(op, request));
        return List.copyOf(problems);
    }

    /** The problems with {@code value} as an instance of {@code components/schemas/<name>}; empty when valid. */
    public List<String> schemaViolations(String name, JsonNode value) {
        if (!components.path("schemas").has(name)) {
            throw new IllegalArgumentException("no schema '" + name + "' in the API's components");
        }
        ObjectNode ref = JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + name);
        return schema("schema " + name, ref).validate(value).stream().map(ValidationMessage::getMessage).toList();
    }

    private List<String> bodyViolations(Operation op, SpecRequest request) {
        JsonNode requestBody = resolve(op.node().path("requestBody"));
        if (requestBody.isMissingNode()) {
            return List.of();
        }
        byte[] body = request.body();
        if (body.length == 0) {
            return requestBody.path("required").asBoolean(false) ? List.of("body: required but empty") : List.of();
        }
        JsonNode content = requestBody.path("content");
        Optional<String> mediaType = request.mediaType();
        if (mediaType.isEmpty() || !content.has(mediaType.get())) {
            List<String> allowed = new ArrayList<>();
            content.fieldNames().forEachRemaining(allowed::add);
            return List.of("header Content-Type: '" + mediaType.orElse("") + "' not allowed here, allowed: "
                    + String.join(", ", allowed));
        }
        JsonNode schemaNode = content.get(mediaType.get()).path("schema");
        if (schemaNode.isMissingNode()) {
            return List.of();
        }
        JsonNode instance;
        try {
            instance = switch (mediaType.get()) {
                case "application/json" -> json.readTree(body);
                case "multipart/form-data" -> formFields(request);
                default -> JsonNodeFactory.instance.textNode(new String(body, StandardCharsets.UTF_8));
            };
        } catch (IOException | IllegalArgumentException e) {
            return List.of("body: not " + mediaType.get() + ": " + e.getMessage());
        }
        JsonSchema schema = schema(op.method() + " " + op.template() + " body " + mediaType.get(), schemaNode);
        return schema.validate(instance).stream().map(v -> "body " + v.getMessage()).toList();
    }

    /** A multipart form as the object its schema describes: each field's text (files as their name). */
    private static JsonNode formFields(SpecRequest request) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (Multipart.Part part : Multipart.parse(request.header("Content-Type").orElse(""), request.body())) {
            fields.put(part.name(), part.filename().orElseGet(part::text));
        }
        return fields;
    }

    /** A parameter's text as the JSON type its schema asks for, so "42" can satisfy {@code type: integer}. */
    private static JsonNode parameterValue(String text, JsonNode schema) {
        String type = schema.path("type").asText("string");
        try {
            return switch (type) {
                case "integer" -> JsonNodeFactory.instance.numberNode(Long.parseLong(text));
                case "number" -> JsonNodeFactory.instance.numberNode(Double.parseDouble(text));
                case "boolean" -> text.equals("true") || text.equals("false")
                        ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text))
                        : JsonNodeFactory.instance.textNode(text);
                default -> JsonNodeFactory.instance.textNode(text);
            };
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private JsonSchema schema(String key, JsonNode node) {
        return schemas.computeIfAbsent(key, k -> {
            // The schema node becomes the root of a small document that carries the shared components, so
            // "#/components/..." references resolve as they do in the spec.
            ObjectNode document = node.isObject() ? ((ObjectNode) node).deepCopy() : JsonNodeFactory.instance.objectNode();
            document.set("components", components);
            return factory.getSchema(document, config);
        });
    }

    private Optional<Operation> operation(String method, String path) {
        String m = method.toLowerCase(Locale.ROOT);
        return operations.stream()
                .filter(op -> op.method().equals(m) && op.pattern().matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literalSegments));
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/components/")) {
            return node;
        }
        JsonNode target = components;
        for (String part : ref.substring("#/components/".length()).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }

    private List<Operation> operations(JsonNode root) {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String template = path.getKey();
            List<String> variables = new ArrayList<>();
            Matcher v = TEMPLATE_VARIABLE.matcher(template);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (v.find()) {
                regex.append(Pattern.quote(template.substring(last, v.start()))).append("([^/]+)");
                variables.add(v.group(1));
                last = v.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            int literals = (int) Arrays.stream(template.split("/"))
                    .filter(s -> !s.isEmpty() && !s.startsWith("{")).count();
            Pattern pattern = Pattern.compile(regex.toString());
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isObject()) {
                    out.add(new Operation(method, template, pattern, List.copyOf(variables), literals, op,
                            parameters(path.getValue().path("parameters"), op.path("parameters"))));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Path-level parameters overridden by operation-level ones with the same name and location. */
    private List<JsonNode> parameters(JsonNode pathLevel, JsonNode operationLevel) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathLevel, operationLevel)) {
            for (JsonNode p : list) {
                JsonNode resolved = resolve(p);
                byKey.put(resolved.path("in").asText() + ":" + resolved.path("name").asText().toLowerCase(Locale.ROOT),
                        resolved);
            }
        }
        return List.copyOf(byKey.values());
    }

    /**
     * Corrects the document's known errata in place:
     * <ul>
     *   <li>Object schemas built with {@code allOf} (e.g. {@code TextMessage} = {@code BaseMessageProperties}
     *       + its own part) put {@code additionalProperties: false} on one member. In JSON Schema that
     *       member then rejects the base properties ({@code to}, {@code messaging_product}), so no message
     *       could ever be valid; the intent is {@code unevaluatedProperties: false} on the whole.</li>
     *   <li>A template button's {@code index} has the pattern {@code ^[2-6, 11-14]$}, a character class that
     *       rejects index 0; its description says "Position index of the button (0-9)".</li>
     * </ul>
     */
    static void correctErrata(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            JsonNode allOf = o.get("allOf");
            if (allOf != null && allOf.isArray()) {
                for (JsonNode member : allOf) {
                    if (member.isObject() && member.path("additionalProperties").isBoolean()
                            && !member.get("additionalProperties").asBoolean()) {
                        ((ObjectNode) member).remove("additionalProperties");
                        o.put("unevaluatedProperties", false);
                    }
                }
            }
            if ("^[2-6, 11-14]$".equals(o.path("pattern").asText(null))) {
                o.put("pattern", "^[0-9]$");
            }
        }
        for (JsonNode child : node) {
            correctErrata(child);
        }
    }
}
