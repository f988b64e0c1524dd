package io.herdgate.gateway.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated content of {@code herdgate.yaml}. Paths are absolute or relative to the working
 * directory (relative paths in the file are resolved against the file's folder).
 *
 * @param dataDir      where the database, the API token and temporary files live
 * @param zone         the farm's time zone: hour-of-day windows, the daily summary, quiet hours
 * @param rulesFile    the vets' rules file, reloaded when it changes; empty for the shipped defaults
 * @param contactsFile who gets which alarms; empty when nobody is to be told (alarms are still logged)
 * @param links        how collar frames arrive
 * @param http         the local HTTP server (health, metrics, API, fake Cloud API page in the demo)
 * @param gpio         siren relay, status LED and pairing button; empty off the Pi
 * @param whatsapp     the WhatsApp Cloud API account; empty when not used
 * @param sms          the GSM modem for SMS fallback; empty when not used
 * @param alarms       daily summary, quiet hours and escalation timing
 * @param logging      log level and file
 * @param retention    how long history is kept
 * @param upstream     the upstream broker events are published to; empty when not used
 */
public record GatewayConfig(Path dataDir, ZoneId zone, Optional<Path> rulesFile, Optional<Path> contactsFile,
                            LinksConfig links, HttpConfig http, Optional<GpioConfig> gpio,
                            Optional<WhatsappConfig> whatsapp, Optional<SmsConfig> sms, AlarmsConfig alarms,
                            LoggingConfig logging, RetentionConfig retention, Optional<UpstreamConfig> upstream) {

    /** The data directory an installed gateway uses. */
    public static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/herdgate");

    public GatewayConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(rulesFile, "rulesFile");
        Objects.requireNonNull(contactsFile, "contactsFile");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(gpio, "gpio");
        Objects.requireNonNull(whatsapp, "whatsapp");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(upstream, "upstream");
    }

    /** Every default, with this data directory and zone and no links (tests, the demo). */
    public static GatewayConfig of(Path dataDir, ZoneId zone) {
        return new GatewayConfig(dataDir, zone, Optional.empty(), Optional.empty(), LinksConfig.none(),
                HttpConfig.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty(), AlarmsConfig.DEFAULT,
                LoggingConfig.DEFAULT, RetentionConfig.DEFAULT, Optional.empty());
    }

    public GatewayConfig withHttp(HttpConfig h) {
        return new GatewayConfig(dataDir, zone, rulesFile, contactsFile, links, h, gpio, whatsapp, sms, alarms, logging,
                retention, upstream);
    }

    public GatewayConfig withRulesFile(Path file) {
        return new GatewayConfig(dataDir, zone, Optional.of(file), contactsFile, links, http, gpio, whatsapp, sms, alarms,
                logging, retention, upstream);
    }

    public GatewayConfig withUpstream(UpstreamConfig u) {
        return new GatewayConfig(dataDir, zone, rulesFile, contactsFile, links, http, gpio, whatsapp, sms, alarms, logging,
                retention, Optional.of(u));
    }
}
