package io.herdgate.gateway.config;

import java.util.Objects;
import java.util.Optional;

/** The links collar frames arrive on; either, both or (demo, tests) neither. */
public record LinksConfig(Optional<SerialConfig> serial, Optional<MqttConfig> mqtt) {

    public LinksConfig {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(mqtt, "mqtt");
    }

    public static LinksConfig of(Optional<SerialConfig> serial, Optional<MqttConfig> mqtt) {
        return new LinksConfig(serial, mqtt);
    }

    public static LinksConfig none() {
        return new LinksConfig(Optional.empty(), Optional.empty());
    }
}
