package io.herdgate.gateway.link;

import java.time.Duration;
import java.util.Objects;

/** Range checks shared by the link settings; messages name the setting and the allowed range. */
final class SettingsCheck {

    private SettingsCheck() {
    }

    static void within(String name, Duration d, Duration min, Duration max) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + d);
        }
    }
}
