package io.herdgate.gateway.health;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a collar link (serial dongle, MQTT broker) is doing, as far as health is concerned. */
public enum LinkState {
    /** Connected and receiving. */
    UP,
    /** Lost and trying again; frames may be missed. */
    RECONNECTING,
    /** Not connected and not currently retrying (e.g. the dongle is unplugged). */
    DOWN;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
