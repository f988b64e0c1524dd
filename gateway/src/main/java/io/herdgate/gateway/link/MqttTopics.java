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
    private static final String PREFIX_HEAD = "herdgate/";
    private static final String PREFIX_TAIL = "/collar/";

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

    /**
     * The collar and form of an uplink topic of this gateway; empty for any other topic. Called for every
     * uplink, so it reads the topic in place: no regular expression, no substrings.
     */
    public Optional<Uplink> parse(String topic) {
        int at = PREFIX_HEAD.length() + gateway.length() + PREFIX_TAIL.length();
        if (topic.length() < at + 19 || !topic.startsWith(PREFIX_HEAD)
                || !topic.startsWith(gateway, PREFIX_HEAD.length())
                || !topic.startsWith(PREFIX_TAIL, PREFIX_HEAD.length() + gateway.length())) {
            return Optional.empty();
        }
        long eui = 0;
        for (int i = at; i < at + 16; i++) {
            int digit = upperHexDigit(topic.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            eui = eui << 4 | digit;
        }
        int rest = topic.length() - (at + 16);
        if (rest == 3 && topic.startsWith("/up", at + 16)) {
            return Optional.of(new Uplink(CollarEui.of(eui), false));
        }
        if (rest == 8 && topic.startsWith("/up/json", at + 16)) {
            return Optional.of(new Uplink(CollarEui.of(eui), true));
        }
        return Optional.empty();
    }

    /** 0..15 for {@code 0-9} and {@code A-F}; -1 for anything else (lower case included, as the topic format says). */
    private static int upperHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private String prefix() {
        return PREFIX_HEAD + gateway + PREFIX_TAIL;
    }
}
