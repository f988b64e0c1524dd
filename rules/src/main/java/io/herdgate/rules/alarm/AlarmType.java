package io.herdgate.rules.alarm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of alarm; {@link #jsonName()} is the name in JSON, YAML and on the command line. */
public enum AlarmType {
    /** Oestrus: sustained rise of activity over the cow's baseline. */
    HEAT("heat"),
    /** Sustained drop of activity and/or rumination. */
    ILLNESS("illness"),
    /** Calving expected within about a day (pre-calving restlessness). */
    CALVING("calving"),
    /** Cow down: stillness longer than healthy cows show. */
    NO_MOTION("no_motion"),
    /** The collar lies static: fallen off or taken off. */
    COLLAR_OFF("collar_off"),
    /** No data from the collar for longer than the offline threshold. */
    OFFLINE("offline"),
    /** Collar battery low. */
    BATTERY("battery");

    private final String jsonName;

    AlarmType(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The type named {@code name} (JSON name, case-insensitive), or empty. */
    public static Optional<AlarmType> fromJsonName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(n)).findFirst();
    }

    @JsonCreator
    static AlarmType parse(String name) {
        return fromJsonName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown alarm type '" + name + "', allowed: " + allowedNames()));
    }

    /** The allowed names, comma-separated, for error messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(AlarmType::jsonName).collect(Collectors.joining(", "));
    }
}
