package io.herdgate.protocol.json;

import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.ImageId;
import io.herdgate.protocol.message.Message;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JSON form of the firmware-update messages, derived from their records so that a record added to
 * the update protocol gets a JSON form without code here: {@code "op"} is the record's name in
 * snake_case ({@code next_offset}), each component a snake_case field; an {@link ImageId} and byte arrays
 * are lower-case hex, a {@link FirmwareVersion} {@code "1.2.3"}, an enum its lower-case name.
 */
final class FirmwareJson {

    private FirmwareJson() {
    }

    static void write(Message m, JsonOut out) {
        out.str("op", snake(m.getClass().getSimpleName()));
        for (RecordComponent c : m.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(m);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + m.getClass(), e);
            }
            String name = snake(c.getName());
            if (v instanceof Long || v instanceof Integer) {
                out.num(name, ((Number) v).longValue());
            } else if (v instanceof byte[] b) {
                out.str(name, HexFormat.of().formatHex(b));
            } else if (v instanceof Enum<?> e) {
                out.str(name, MessageJson.lower(e));
            } else {
                out.str(name, String.valueOf(v));
            }
        }
    }

    static Message read(JsonFields f, boolean command) throws JsonFieldException {
        Class<?> family = command ? FirmwareCommand.class : FirmwareReply.class;
        String op = f.text("op");
        Class<?> type = Arrays.stream(family.getPermittedSubclasses()).filter(c -> snake(c.getSimpleName()).equals(op))
                .findFirst().orElseThrow(() -> new JsonFieldException("op: \"" + op + "\" is not one of "
                        + Arrays.stream(family.getPermittedSubclasses()).map(c -> snake(c.getSimpleName()))
                        .collect(Collectors.joining(", "))));
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(f, snake(components[i].getName()), types[i]);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return (Message) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new JsonFieldException(op + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type, e);
        }
    }

    private static Object value(JsonFields f, String name, Class<?> type) throws JsonFieldException {
        if (type == long.class) {
            return f.integer(name, 0, 0xFFFF_FFFFL);
        }
        if (type == int.class) {
            return (int) f.integer(name, 0, 0xFFFF);
        }
        if (type == byte[].class) {
            return f.hex(name);
        }
        if (type == ImageId.class) {
            byte[] b = f.hex(name);
            if (b.length != ImageId.BYTES) {
                throw new JsonFieldException(name + ": expected " + 2 * ImageId.BYTES + " hex digits");
            }
            long v = 0;
            for (byte x : b) {
                v = v << 8 | (x & 0xFF);
            }
            return ImageId.of(v);
        }
        if (type == FirmwareVersion.class) {
            return f.version(name);
        }
        if (type.isEnum()) {
            String s = f.text(name);
            for (Object e : type.getEnumConstants()) {
                if (MessageJson.lower((Enum<?>) e).equals(s)) {
                    return e;
                }
            }
            throw new JsonFieldException(name + ": \"" + s + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(e -> MessageJson.lower((Enum<?>) e)).collect(Collectors.joining(", ")));
        }
        throw new IllegalStateException("no JSON form for " + type);
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
