package io.herdgate.protocol.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded JSON parser (RFC 8259) for small documents: objects become unmodifiable
 * {@code Map<String, Object>} in document order, arrays unmodifiable {@code List<Object>}, numbers
 * {@link BigDecimal}, strings {@code String}, {@code true}/{@code false} {@code Boolean} and {@code null}
 * {@link #NULL}. Duplicate keys, trailing text, nesting deeper than {@link #MAX_DEPTH} and documents over
 * {@link #MAX_CHARS} characters are errors, so hostile input cannot exhaust memory or the stack.
 */
public final class JsonParser {

    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 32;
    /** Longest document accepted, in characters (a full sample batch as JSON is about 4 KB). */
    public static final int MAX_CHARS = 1 << 20;
    /** The JSON {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String s;
    private int p;

    private JsonParser(String s) {
        this.s = s;
    }

    /** Parses one JSON document. */
    public static Object parse(String text) throws JsonSyntaxException {
        if (text.length() > MAX_CHARS) {
            throw new JsonSyntaxException("document longer than " + MAX_CHARS + " characters", MAX_CHARS);
        }
        JsonParser parser = new JsonParser(text);
        parser.skipSpace();
        Object v = parser.value(0);
        parser.skipSpace();
        if (parser.p != text.length()) {
            throw new JsonSyntaxException("unexpected text after the document", parser.p);
        }
        return v;
    }

    private Object value(int depth) throws JsonSyntaxException {
        if (p >= s.length()) {
            throw new JsonSyntaxException("unexpected end of document", p);
        }
        char c = s.charAt(p);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new JsonSyntaxException("unexpected character '" + c + "'", p);
        }
    }

    private Map<String, Object> object(int depth) throws JsonSyntaxException {
        checkDepth(depth);
        p++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            p++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw new JsonSyntaxException("expected a field name in double quotes", p);
            }
            int at = p;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (map.put(key, value(depth)) != null) {
                throw new JsonSyntaxException("duplicate field \"" + key + "\"", at);
            }
            skipSpace();
            char c = peek();
            p++;
            if (c == '}') {
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                throw new JsonSyntaxException("expected ',' or '}'", p - 1);
            }
        }
    }

    private List<Object> array(int depth) throws JsonSyntaxException {
        checkDepth(depth);
        p++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            p++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipSpace();
            list.add(value(depth));
            skipSpace();
            char c = peek();
            p++;
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                throw new JsonSyntaxException("expected ',' or ']'", p - 1);
            }
        }
    }

    private String string() throws JsonSyntaxException {
        int start = p;
        p++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (p >= s.length()) {
                throw new JsonSyntaxException("unterminated string", start);
            }
            char c = s.charAt(p++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new JsonSyntaxException("control character in string", p - 1);
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (p >= s.length()) {
                throw new JsonSyntaxException("unterminated escape", p);
            }
            char e = s.charAt(p++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (p + 4 > s.length()) {
                        throw new JsonSyntaxException("short \\u escape", p);
                    }
                    int cp = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(s.charAt(p++), 16);
                        if (d < 0) {
                            throw new JsonSyntaxException("bad hex digit in \\u escape", p - 1);
                        }
                        cp = cp << 4 | d;
                    }
                    b.append((char) cp);
                }
                default -> throw new JsonSyntaxException("unknown escape '\\" + e + "'", p - 1);
            }
        }
    }

    private BigDecimal number() throws JsonSyntaxException {
        int start = p;
        if (peek() == '-') {
            p++;
        }
        if (peek() == '0') {
            p++;
        } else if (!digits()) {
            throw new JsonSyntaxException("expected a digit", p);
        }
        if (peek() == '.') {
            p++;
            if (!digits()) {
                throw new JsonSyntaxException("expected a digit after '.'", p);
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            p++;
            if (peek() == '+' || peek() == '-') {
                p++;
            }
            if (!digits()) {
                throw new JsonSyntaxException("expected a digit in the exponent", p);
            }
        }
        if (p - start > 40) {
            throw new JsonSyntaxException("number longer than 40 characters", start);
        }
        return new BigDecimal(s.substring(start, p));
    }

    private boolean digits() {
        int start = p;
        while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
            p++;
        }
        return p > start;
    }

    private Object literal(String word, Object value) throws JsonSyntaxException {
        if (!s.startsWith(word, p)) {
            throw new JsonSyntaxException("unexpected word, expected " + word, p);
        }
        p += word.length();
        return value;
    }

    private void checkDepth(int depth) throws JsonSyntaxException {
        if (depth > MAX_DEPTH) {
            throw new JsonSyntaxException("nesting deeper than " + MAX_DEPTH, p);
        }
    }

    private char peek() {
        return p < s.length() ? s.charAt(p) : '\0';
    }

    private void expect(char c) throws JsonSyntaxException {
        if (peek() != c) {
            throw new JsonSyntaxException("expected '" + c + "'", p);
        }
        p++;
    }

    private void skipSpace() {
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            p++;
        }
    }
}
