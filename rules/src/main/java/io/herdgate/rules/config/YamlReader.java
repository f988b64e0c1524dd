package io.herdgate.rules.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a {@link YamlNode} tree with positions (rules files, and other YAML files that
 * report errors by line, such as the gateway's contacts file). Syntax errors and duplicate keys become
 * {@link ConfigProblem}s; a duplicate key keeps its first value so the rest of the file is still checked.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private YamlReader(String file) {
        this.file = file;
    }

    /** The document read, if its syntax allowed, and every problem found. */
    public record Result(Optional<YamlNode> document, List<ConfigProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Reads {@code text}; {@code file} names it in problems. Never throws. */
    public static Result read(String text, String file) {
        YamlReader reader = new YamlReader(file);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Result(Optional.of(new YamlNode.Empty(Position.of(1, 1))), reader.problems);
            }
            YamlNode doc = reader.node(p, "");
            return new Result(Optional.of(doc), reader.problems);
        } catch (JsonProcessingException e) {
            reader.problems.add(ConfigProblem.of(file, position(e.getLocation()), "",
                    "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("syntax error")));
            return new Result(Optional.empty(), reader.problems);
        } catch (IOException e) {
            reader.problems.add(ConfigProblem.of(file, Position.of(1, 1), "", "cannot be read: " + e.getMessage()));
            return new Result(Optional.empty(), reader.problems);
        }
    }

    private YamlNode node(JsonParser p, String path) throws IOException {
        Position at = position(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Map<String, Position> seen = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Position keyAt = position(p.currentTokenLocation());
                    p.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    YamlNode value = node(p, childPath);
                    Position first = seen.putIfAbsent(key, keyAt);
                    if (first != null) {
                        problems.add(ConfigProblem.of(file, keyAt, childPath,
                                "duplicate key; first given at line " + first.line() + ", this one is ignored"));
                    } else {
                        entries.add(new YamlNode.Entry(key, keyAt, value));
                    }
                }
                return new YamlNode.Mapping(entries, at);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, path + "[" + i++ + "]"));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_NULL -> {
                return new YamlNode.Empty(at);
            }
            case VALUE_STRING -> {
                // "key:" with nothing after it reads as an empty string; a vet means "no value"
                return p.getText().isEmpty() ? new YamlNode.Empty(at) : new YamlNode.Scalar(p.getText(), YamlNode.Kind.STRING, at);
            }
            default -> {
                YamlNode.Kind kind = switch (t) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> YamlNode.Kind.NUMBER;
                    case VALUE_TRUE, VALUE_FALSE -> YamlNode.Kind.BOOLEAN;
                    default -> YamlNode.Kind.STRING;
                };
                return new YamlNode.Scalar(p.getText(), kind, at);
            }
        }
    }

    private static Position position(JsonLocation loc) {
        if (loc == null) {
            return Position.of(1, 1);
        }
        return Position.of(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }
}
