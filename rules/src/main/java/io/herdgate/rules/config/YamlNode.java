package io.herdgate.rules.config;

import java.util.List;
import java.util.Optional;

/**
 * A YAML document read with the position of every key and value, so each validation error can name
 * its line and column. Only what rules files need: mappings, sequences and scalars.
 */
public sealed interface YamlNode {

    /** Where the node starts. */
    Position at();

    /** The kind of value, in the words an error message uses ("a number", "a mapping" ...). */
    String describe();

    /** What a scalar was read as: YAML's plain numbers and booleans, everything else (quoted too) a string. */
    enum Kind { NUMBER, BOOLEAN, STRING }

    /**
     * A scalar as written.
     *
     * @param text the text (without quotes)
     * @param kind how YAML typed it; a quoted number is a string
     */
    record Scalar(String text, Kind kind, Position at) implements YamlNode {
        @Override
        public String describe() {
            return kind == Kind.STRING ? "the text '" + text + "'" : text;
        }
    }

    /** A key of a mapping with its own position. */
    record Entry(String key, Position keyAt, YamlNode value) {
    }

    /** A mapping; keys are unique (duplicates are reported while reading). */
    record Mapping(List<Entry> entries, Position at) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        /** The entry with this key. */
        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, Position at) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** An explicit null or an empty value ({@code key:} with nothing after it). */
    record Empty(Position at) implements YamlNode {
        @Override
        public String describe() {
            return "empty";
        }
    }
}
