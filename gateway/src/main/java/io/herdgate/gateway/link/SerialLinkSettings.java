package io.herdgate.gateway.link;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the gateway reaches its USB radio dongle. Build with {@link #of(Path)} and the {@code with...}
 * methods; every value is checked here, with a message naming the setting and the allowed values.
 *
 * @param id             the link's name in logs and {@code /health}; default {@code serial}
 * @param device         the dongle's device path; use its stable {@code /dev/serial/by-id/usb-...} link,
 *                       because {@code /dev/ttyUSB0} can come back as {@code ttyUSB1} after a replug
 * @param baud           line speed; irrelevant for USB CDC-ACM dongles, used by UART ones;
 *                       default 115200, one of 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600
 * @param poll           how long the reader sleeps when no byte is waiting; default 20 ms, 1..500 ms
 * @param retryFirst     wait after the dongle went missing before reopening it; doubled per failure up to
 *                       {@code retryMax}; default 500 ms, 50 ms..1 min
 * @param retryMax       longest wait between reopen attempts; default 10 s, {@code retryFirst}..10 min
 * @param channel        radio channel index for downlinks, 0..255; default 0
 * @param txPowerDbm     transmit power for downlinks in dBm, -128..127 (the dongle clamps it to its legal
 *                       maximum); default 14
 */
public record SerialLinkSettings(LinkId id, Path device, int baud, Duration poll, Duration retryFirst,
                                 Duration retryMax, int channel, int txPowerDbm) {

    private static final Set<Integer> BAUDS = Set.of(9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600);

    public SerialLinkSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(device, "device");
        if (!device.isAbsolute()) {
            throw new IllegalArgumentException("serial device must be an absolute path such as "
                    + "/dev/serial/by-id/usb-..., got '" + device + "'");
        }
        if (!BAUDS.contains(baud)) {
            throw new IllegalArgumentException("serial baud must be one of " + new java.util.TreeSet<>(BAUDS)
                    + ", got " + baud);
        }
        SettingsCheck.within("serial poll", poll, Duration.ofMillis(1), Duration.ofMillis(500));
        SettingsCheck.within("serial retry_first", retryFirst, Duration.ofMillis(50), Duration.ofMinutes(1));
        SettingsCheck.within("serial retry_max", retryMax, retryFirst, Duration.ofMinutes(10));
        if (channel < 0 || channel > 255) {
            throw new IllegalArgumentException("serial channel must be 0..255, got " + channel);
        }
        if (txPowerDbm < -128 || txPowerDbm > 127) {
            throw new IllegalArgumentException("serial tx_power_dbm must be -128..127, got " + txPowerDbm);
        }
    }

    /** Settings for the dongle at {@code device} with the defaults above. */
    public static SerialLinkSettings of(Path device) {
        return new SerialLinkSettings(LinkId.of("serial"), device, 115_200, Duration.ofMillis(20),
                Duration.ofMillis(500), Duration.ofSeconds(10), 0, 14);
    }

    public SerialLinkSettings withId(LinkId v) {
        return new SerialLinkSettings(v, device, baud, poll, retryFirst, retryMax, channel, txPowerDbm);
    }

    public SerialLinkSettings withBaud(int v) {
        return new SerialLinkSettings(id, device, v, poll, retryFirst, retryMax, channel, txPowerDbm);
    }

    public SerialLinkSettings withPoll(Duration v) {
        return new SerialLinkSettings(id, device, baud, v, retryFirst, retryMax, channel, txPowerDbm);
    }

    public SerialLinkSettings withRetry(Duration first, Duration max) {
        return new SerialLinkSettings(id, device, baud, poll, first, max, channel, txPowerDbm);
    }

    public SerialLinkSettings withRadio(int channelIndex, int powerDbm) {
        return new SerialLinkSettings(id, device, baud, poll, retryFirst, retryMax, channelIndex, powerDbm);
    }
}
