package io.herdgate.gateway.sms;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The GSM modem and how SMS are sent.
 *
 * @param port            serial device of the modem's AT port, e.g. {@code /dev/ttyUSB2} or a
 *                        {@code /dev/serial/by-id/...} link (stable across replugging)
 * @param baud            bit rate, one of 9600, 19200, 38400, 57600, 115200
 * @param zone            the farm's zone, for times written in messages
 * @param commandTimeout  longest wait for an ordinary AT command, 1 s .. 60 s
 * @param sendTimeout     longest wait for one {@code AT+CMGS} (the network may take tens of seconds), 5 s .. 5 min
 * @param maxParts        most single messages one notification may take, 1 .. 6; text beyond is cut
 * @param deliveryReports ask the network for delivery reports ({@code +CDS}) where the modem supports them
 * @param reopenEvery     how often a lost or unanswering modem is reopened, and how often an idle one is
 *                        checked with {@code AT}, 1 s .. 10 min
 * @param simPin          the SIM's PIN, 4..8 digits, when it asks for one; never logged
 */
public record SmsSettings(String port, int baud, ZoneId zone, Duration commandTimeout, Duration sendTimeout,
                          int maxParts, boolean deliveryReports, Duration reopenEvery, Optional<String> simPin) {

    private static final Set<Integer> RATES = Set.of(9600, 19200, 38400, 57600, 115200);
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");

    public SmsSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(simPin, "simPin");
        if (simPin.isPresent() && !PIN.matcher(simPin.get()).matches()) {
            throw new IllegalArgumentException("the SIM PIN must be 4 to 8 digits");
        }
        if (port.isBlank()) {
            throw new IllegalArgumentException("sms.port must name the modem's serial device, e.g. /dev/ttyUSB2");
        }
        if (!RATES.contains(baud)) {
            throw new IllegalArgumentException("sms.baud must be one of 9600, 19200, 38400, 57600, 115200: " + baud);
        }
        within("sms.command_timeout", commandTimeout, Duration.ofSeconds(1), Duration.ofSeconds(60));
        within("sms.send_timeout", sendTimeout, Duration.ofSeconds(5), Duration.ofMinutes(5));
        within("sms.reopen_every", reopenEvery, Duration.ofSeconds(1), Duration.ofMinutes(10));
        if (maxParts < 1 || maxParts > 6) {
            throw new IllegalArgumentException("sms.max_parts must be 1..6: " + maxParts);
        }
    }

    private static void within(String name, Duration d, Duration min, Duration max) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be " + min.toSeconds() + "s.." + max.toSeconds() + "s: " + d);
        }
    }

    public static SmsSettings of(String port, int baud, ZoneId zone, Duration commandTimeout, Duration sendTimeout,
                                 int maxParts, boolean deliveryReports, Duration reopenEvery, Optional<String> simPin) {
        return new SmsSettings(port, baud, zone, commandTimeout, sendTimeout, maxParts, deliveryReports, reopenEvery,
                simPin);
    }

    /**
     * 115200 baud, 5 s per command, 60 s per message, up to 3 messages, delivery reports, reopen every 15 s,
     * no SIM PIN.
     */
    public static SmsSettings defaults(String port, ZoneId zone) {
        return of(port, 115200, zone, Duration.ofSeconds(5), Duration.ofSeconds(60), 3, true, Duration.ofSeconds(15),
                Optional.empty());
    }

    /** These settings with the SIM PIN {@code pin}. */
    public SmsSettings withSimPin(String pin) {
        return of(port, baud, zone, commandTimeout, sendTimeout, maxParts, deliveryReports, reopenEvery, Optional.of(pin));
    }

    @Override
    public String toString() {
        return "SmsSettings[port=" + port + ", baud=" + baud + ", zone=" + zone + ", commandTimeout=" + commandTimeout
                + ", sendTimeout=" + sendTimeout + ", maxParts=" + maxParts + ", deliveryReports=" + deliveryReports
                + ", reopenEvery=" + reopenEvery + ", simPin=" + (simPin.isPresent() ? "****" : "none") + "]";
    }
}
