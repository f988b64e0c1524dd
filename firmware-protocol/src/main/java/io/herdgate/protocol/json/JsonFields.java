package io.herdgate.protocol.json;

import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.FirmwareVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The fields of one JSON object, remembering which were read so that unknown ones are reported. */
final class JsonFields {
    private final Map<?, ?> map;
    private final String path;
    private final Set<Object> used = new HashSet<>();

    JsonFields(Map<?, ?> map, String path) {
        this.map = map;
        this.path = path;
    }

    Object value(String name) throws JsonFieldException {
        Object v = map.get(name);
        if (v == null) {
            throw new JsonFieldException(path + name + ": missing");
        }
        used.add(name);
        return v;
    }

    String text(String name) throws JsonFieldException {
        if (!(value(name) instanceof String s)) {
            throw new JsonFieldException(path + name + ": expected a string");
        }
        return s;
    }

    long integer(String name, long min, long max) throws JsonFieldException {
        return integer(value(name), path + name, min, max);
    }

    static long integer(Object v, String where, long min, long max) throws JsonFieldException {
        if (!(v instanceof BigDecimal d)) {
            throw new JsonFieldException(where + ": expected an integer " + min + ".." + max);
        }
        try {
            long n = d.longValueExact();
            if (n < min || n > max) {
                throw new JsonFieldException(where + ": " + d.toPlainString() + " out of " + min + ".." + max);
            }
            return n;
        } catch (ArithmeticException e) {
            throw new JsonFieldException(where + ": " + d + " is not an integer " + min + ".." + max);
        }
    }

    byte[] hex(String name) throws JsonFieldException {
        String s = text(name);
        if (s.length() % 2 != 0 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new JsonFieldException(path + name + ": expected an even number of hex digits");
        }
        return HexFormat.of().parseHex(s);
    }

    List<Object> list(String name) throws JsonFieldException {
        if (!(value(name) instanceof List<?> l)) {
            throw new JsonFieldException(path + name + ": expected an array");
        }
        return new ArrayList<>(l);
    }

    JsonFields object(Object v, String where) throws JsonFieldException {
        if (!(v instanceof Map<?, ?> m)) {
            throw new JsonFieldException(path + where + ": expected an object");
        }
        return new JsonFields(m, path + where + ".");
    }

    FirmwareVersion version(String name) throws JsonFieldException {
        String s = text(name);
        if (!s.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new JsonFieldException(path + name + ": \"" + s + "\" is not major.minor.patch, each 0..255");
        }
        try {
            return FirmwareVersion.parse(s);
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(path + name + ": " + e.getMessage());
        }
    }

    AccelRange range(String name) throws JsonFieldException {
        long g = integer(name, 0, Integer.MAX_VALUE);
        for (AccelRange r : AccelRange.values()) {
            if (r.rangeG() == g) {
                return r;
            }
        }
        throw new JsonFieldException(path + name + ": " + g + " is not one of 2, 4, 8, 16");
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) throws JsonFieldException {
        String s = text(name);
        for (E e : type.getEnumConstants()) {
            if (MessageJson.lower(e).equals(s)) {
                return e;
            }
        }
        throw new JsonFieldException(path + name + ": \"" + s + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                .map(MessageJson::lower).collect(Collectors.joining(", ")));
    }

    void checkAllUsed() throws JsonFieldException {
        for (Object k : map.keySet()) {
            if (!used.contains(k)) {
                throw new JsonFieldException(path + k + ": unknown field; allowed: " + map.keySet().stream()
                        .filter(used::contains).map(String::valueOf).collect(Collectors.joining(", ")));
            }
        }
    }
}
