package io.herdgate.gateway.link;

import io.herdgate.protocol.frame.CollarEui;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The topics of one gateway (PROTOCOL.md section 11): {@code herdgate/<gateway>/collar/<EUI>/up} (binary
 * frame), {@code .../up/json} (JSON uplink) and {@code .../down} (binary downlink); {@code <EUI>} is 16
 * upper-case hex digits.
 *
 * @param gateway the gateway's name: 1..64 of letters, digits and {@code -}
 */
public record MqttTopics(String gateway) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern EUI = Pattern.compile("[0-9A-F]{16}");

    public MqttTopics {
        Objects.requireNonNull(gateway, "gateway");
        if (!NAME.matcher(gateway).matches()) {
            throw new IllegalArgumentException("mqtt gateway name must be 1..64 of letters, digits and '-', got '"
                    + gateway + "'");
        }
    }

    public static MqttTopics of(String gateway) {
        return new MqttTopics(gateway);
    }

    /** One uplink topic, parsed. */
    public record Uplink(CollarEui eui, boolean json) {
    }

    /** Subscription filter for binary uplinks. */
    public String binaryFilter() {
        return prefix() + "+/up";
    }

    /** Subscription filter for JSON uplinks. */
    public String jsonFilter() {
        return prefix() + "+/up/json";
    }

    /** Subscription filter for downlinks (the collar side's). */
    public String downFilter() {
        return prefix() + "+/down";
    }

    public String up(CollarEui eui) {
        return prefix() + eui + "/up";
    }

    public String upJson(CollarEui eui) {
        return prefix() + eui + "/up/json";
    }

    public String down(CollarEui eui) {
        return prefix() + eui + "/down";
    }

    /** The collar and form of an uplink topic of this gateway; empty for any other topic. */
    public Optional<Uplink> parse(String topic) {
        String p = prefix();
        if (!topic.startsWith(p) || topic.length() < p.length() + 19) {
            return Optional.empty();
        }
        String eui = topic.substring(p.length(), p.length() + 16);
        String rest = topic.substring(p.length() + 16);
        if (!EUI.matcher(eui).matches()) {
            return Optional.empty();
        }
        if (rest.equals("/up")) {
            return Optional.of(new Uplink(CollarEui.parse(eui), false));
        }
        if (rest.equals("/up/json")) {
            return Optional.of(new Uplink(CollarEui.parse(eui), true));
        }
        return Optional.empty();
    }

    private String prefix() {
        return "herdgate/" + gateway + "/collar/";
    }
}
