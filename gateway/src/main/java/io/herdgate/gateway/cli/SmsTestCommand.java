package io.herdgate.gateway.cli;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.sms.SmsChannel;
import io.herdgate.gateway.sms.SmsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate sms-test}: sends one SMS through the GSM modem, as the installer's check that modem,
 * SIM and network work. It opens the modem itself, so the gateway service must not hold the port.
 */
@Command(name = "sms-test",
        mixinStandardHelpOptions = true,
        description = {
                "Sends today's (empty) herd summary as one SMS through the GSM modem and says whether the "
                        + "network took it. Stop the gateway first (systemctl stop herdgate): the modem's port "
                        + "can be open in one program only."},
        footer = {"", "Example:", "  herdgate sms-test --modem /dev/ttyUSB2 --to +4915112345678 --language de"})
public final class SmsTestCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--modem", defaultValue = "/dev/ttyUSB2", paramLabel = "DEVICE",
            description = "The modem's AT port (default: ${DEFAULT-VALUE}).")
    String modem;

    @Option(names = "--baud", defaultValue = "115200", paramLabel = "RATE",
            description = "9600, 19200, 38400, 57600 or 115200 (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--to", required = true, paramLabel = "PHONE",
            description = "The phone to text, E.164 (e.g. +4915112345678).")
    String to;

    @Option(names = "--language", defaultValue = "en", paramLabel = "TAG",
            description = "Language of the text: en, de, es, fr, pt-BR, hi (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--pin-file", paramLabel = "FILE", description = "File holding the SIM PIN, if the SIM asks for one.")
    Optional<Path> pinFile;

    @Option(names = "--zone", converter = ZoneConverter.class, paramLabel = "ZONE",
            description = "The farm's time zone (default: the system's).")
    Optional<ZoneId> zone;

    @Override
    public Integer call() {
        PhoneNumber phone;
        SmsSettings settings;
        try {
            phone = PhoneNumber.of(to);
            // No delivery report asked: the command does not wait for one.
            settings = SmsSettings.of(modem, baud, zone.orElse(ZoneId.systemDefault()), Duration.ofSeconds(5),
                    Duration.ofSeconds(60), 3, false, Duration.ofSeconds(15), Optional.empty());
            if (pinFile.isPresent()) {
                settings = settings.withSimPin(Files.readString(pinFile.get()).strip());
            }
        } catch (IllegalArgumentException e) {
            return Installer.fail(spec, e.getMessage());
        } catch (IOException e) {
            return Installer.fail(spec, "cannot read the PIN file " + pinFile.orElseThrow() + ": " + e.getMessage());
        }
        Clock clock = Clock.system(settings.zone());
        LocalDate today = LocalDate.now(clock);
        Notification test = Notification.of(NotificationKey.of("sms-test/" + clock.millis()),
                Recipient.of(ContactId.of("sms-test"), "installer", phone, Locale.forLanguageTag(language)),
                Priority.NORMAL, new Content.DailySummary(today, List.of(), List.of(), Map.of(), List.of()));
        try (SmsChannel channel = SmsChannel.of(settings, reply -> { }, status -> { }, clock)) {
            DeliveryResult r = channel.deliver(test);
            if (r instanceof DeliveryResult.Sent s) {
                spec.commandLine().getOut().println("Sent to " + phone + " (" + s.providerId() + ").");
                return 0;
            }
            return Installer.fail(spec, describe(r));
        }
    }

    private static String describe(DeliveryResult r) {
        if (r instanceof DeliveryResult.RetryLater x) {
            return "not sent, try again (" + x.code() + "): " + x.reason();
        }
        if (r instanceof DeliveryResult.Undeliverable x) {
            return "the network refused this number (" + x.code() + "): " + x.reason();
        }
        DeliveryResult.ChannelDown x = (DeliveryResult.ChannelDown) r;
        return "the modem cannot send (" + x.code() + "): " + x.reason();
    }
}
