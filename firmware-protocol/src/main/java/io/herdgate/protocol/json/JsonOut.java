package io.herdgate.protocol.json;

/**
 * Writes one compact JSON object, fields in the order added. Strings are escaped per RFC 8259; the
 * output is ASCII-safe apart from non-ASCII characters in strings, which are written as they are.
 */
public final class JsonOut {

    private final StringBuilder b = new StringBuilder(128);
    private boolean first = true;

    private JsonOut() {
        b.append('{');
    }

    public static JsonOut create() {
        return new JsonOut();
    }

    public JsonOut str(String name, String value) {
        name(name);
        quote(b, value);
        return this;
    }

    public JsonOut num(String name, long value) {
        name(name);
        b.append(value);
        return this;
    }

    public JsonOut bool(String name, boolean value) {
        name(name);
        b.append(value);
        return this;
    }

    /** Adds {@code json}, which must already be valid JSON text, as the value. */
    public JsonOut raw(String name, String json) {
        name(name);
        b.append(json);
        return this;
    }

    /** The finished object. */
    public String build() {
        return b + "}";
    }

    @Override
    public String toString() {
        return build();
    }

    private void name(String name) {
        if (!first) {
            b.append(',');
        }
        first = false;
        quote(b, name);
        b.append(':');
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
