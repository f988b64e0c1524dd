package io.herdgate.gateway.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The GSM modem used when WhatsApp cannot deliver.
 *
 * @param modem   the modem's AT-command tty
 * @param baud    one of {@link SerialConfig#BAUD_RATES}
 * @param pinFile file holding the SIM PIN, if the SIM has one
 */
public record SmsConfig(Path modem, int baud, Optional<Path> pinFile) {

    public static final Path DEFAULT_MODEM = Path.of("/dev/ttyUSB2");

    public SmsConfig {
        Objects.requireNonNull(modem, "modem");
        Objects.requireNonNull(pinFile, "pinFile");
    }

    public static SmsConfig of(Path modem, int baud, Optional<Path> pinFile) {
        return new SmsConfig(modem, baud, pinFile);
    }
}
