package io.herdgate.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The USB serial radio dongle.
 *
 * @param device the tty, e.g. {@code /dev/ttyUSB0} (better a stable {@code /dev/serial/by-id/...} name)
 * @param baud   one of {@link #BAUD_RATES}
 */
public record SerialConfig(Path device, int baud) {

    public static final Path DEFAULT_DEVICE = Path.of("/dev/ttyUSB0");
    public static final int DEFAULT_BAUD = 115_200;
    public static final List<String> BAUD_RATES = List.of("9600", "19200", "38400", "57600", "115200", "230400", "460800", "921600");

    public SerialConfig {
        Objects.requireNonNull(device, "device");
        if (!BAUD_RATES.contains(Integer.toString(baud))) {
            throw new IllegalArgumentException("baud must be one of " + BAUD_RATES + ", got " + baud);
        }
    }

    public static SerialConfig of(Path device, int baud) {
        return new SerialConfig(device, baud);
    }
}
