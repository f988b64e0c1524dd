package io.herdgate.gateway.link;

import java.util.Objects;
import java.util.regex.Pattern;

/** Names one link in logs, statistics and configuration: 1..32 of {@code a-z 0-9 - _}, e.g. {@code dongle}. */
public record LinkId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9_-]{1,32}");

    public LinkId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("link id must be 1..32 of a-z 0-9 - _, got '" + value + "'");
        }
    }

    public static LinkId of(String value) {
        return new LinkId(value);
    }

    // Written out: compared for every uplink (see Downlinks#heard), usually with itself.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof LinkId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
