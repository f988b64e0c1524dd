package io.herdgate.gateway.store;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.session.CounterStream;
import java.util.Objects;

/** One collar's counter stream: the key of a row in table {@code frame_counter}. */
public record CounterKey(CollarEui eui, CounterStream stream) {

    public CounterKey {
        Objects.requireNonNull(eui, "eui");
        Objects.requireNonNull(stream, "stream");
    }

    public static CounterKey of(CollarEui eui, CounterStream stream) {
        return new CounterKey(eui, stream);
    }

    // Written out: a key is looked up for every accepted frame (see CollarEui#equals).
    @Override
    public boolean equals(Object o) {
        return o instanceof CounterKey other && other.eui.equals(eui) && other.stream == stream;
    }

    @Override
    public int hashCode() {
        return eui.hashCode() * 31 + stream.ordinal();
    }
}
