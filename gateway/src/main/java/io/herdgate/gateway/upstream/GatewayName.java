package io.herdgate.gateway.upstream;

import java.util.Objects;
import java.util.regex.Pattern;

/** The gateway's name in topics (PROTOCOL.md, MQTT link): 1-64 letters, digits and '-'. */
public record GatewayName(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public GatewayName {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("gateway name must be 1-64 letters, digits or '-', e.g. farm1: '"
                    + value + "'");
        }
    }

    public static GatewayName of(String value) {
        return new GatewayName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
