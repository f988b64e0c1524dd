package io.herdgate.gateway.config;

import io.herdgate.rules.config.ConfigProblem;
import io.herdgate.rules.config.Position;
import io.herdgate.rules.config.RulesCheck;
import io.herdgate.rules.config.RulesFile;
import io.herdgate.rules.config.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads and validates {@code herdgate.yaml} (the documented example is the resource
 * {@value #EXAMPLE_RESOURCE}). Every problem is reported, each with line:column, the field path, the
 * value and what is allowed: syntax errors, duplicate and unknown keys (with the closest allowed key),
 * wrong types, values out of range, a missing or invalid rules file (its own problems are included).
 * Relative paths are resolved against the configuration file's folder.
 */
public final class GatewayConfigFile {

    /** Where an installed gateway finds its configuration. */
    public static final Path DEFAULT_PATH = Path.of("/etc/herdgate/herdgate.yaml");

    /** The documented example configuration, a classpath resource. */
    public static final String EXAMPLE_RESOURCE = "/io/herdgate/gateway/config/herdgate.example.yaml";

    private GatewayConfigFile() {
    }

    /** Reads and checks {@code file}; an unreadable file is one problem at 1:1. */
    public static ConfigCheck read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new ConfigCheck.Invalid(List.of(ConfigProblem.of(file.toString(), Position.of(1, 1), "",
                    "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir == null ? Path.of("") : dir);
    }

    /**
     * Checks configuration text.
     *
     * @param name    the file name used in problems
     * @param baseDir the folder relative paths are resolved against
     */
    public static ConfigCheck parse(String text, String name, Path baseDir) {
        YamlReader.Result yaml = YamlReader.read(text, name);
        List<ConfigProblem> problems = new ArrayList<>(yaml.problems());
        if (yaml.document().isEmpty()) {
            return new ConfigCheck.Invalid(problems);
        }
        GatewayConfig config = read(YamlSection.root(name, yaml.document().get(), baseDir, problems), problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((ConfigProblem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
            return new ConfigCheck.Invalid(problems);
        }
        return new ConfigCheck.Valid(config);
    }

    private static GatewayConfig read(YamlSection root, List<ConfigProblem> problems) {
        Path dataDir = root.path("data_dir", GatewayConfig.DEFAULT_DATA_DIR);
        ZoneId zone = root.zone("time_zone", ZoneId.systemDefault());
        Optional<Path> rules = root.path("rules_file");
        rules.ifPresent(f -> checkRules(root, f, problems));
        Optional<Path> contacts = root.path("contacts_file");
        contacts.filter(f -> !Files.isRegularFile(f))
                .ifPresent(f -> root.problem("contacts_file", "'" + f + "' does not exist; allowed: a contacts file"));
        LinksConfig links = root.section("links").map(GatewayConfigFile::links).orElse(LinksConfig.none());
        HttpConfig http = root.section("http").map(GatewayConfigFile::http).orElse(HttpConfig.DEFAULT);
        Optional<GpioConfig> gpio = root.section("gpio").flatMap(GatewayConfigFile::gpio);
        Optional<WhatsappConfig> whatsapp = root.section("whatsapp").flatMap(GatewayConfigFile::whatsapp);
        Optional<SmsConfig> sms = root.section("sms").map(GatewayConfigFile::sms);
        AlarmsConfig alarms = root.section("alarms").map(GatewayConfigFile::alarms).orElse(AlarmsConfig.DEFAULT);
        LoggingConfig logging = root.section("logging").map(GatewayConfigFile::logging).orElse(LoggingConfig.DEFAULT);
        RetentionConfig retention = root.section("retention").map(GatewayConfigFile::retention).orElse(RetentionConfig.DEFAULT);
        Optional<UpstreamConfig> upstream = root.section("upstream").flatMap(u -> upstream(u, links));
        root.finish();
        return new GatewayConfig(dataDir, zone, rules, contacts, links, http, gpio, whatsapp, sms, alarms, logging, retention,
                upstream);
    }

    private static void checkRules(YamlSection root, Path file, List<ConfigProblem> problems) {
        if (!Files.isRegularFile(file)) {
            root.problem("rules_file", "'" + file + "' does not exist; allowed: a rules file (herdgate rules defaults writes one)");
        } else if (RulesFile.read(file) instanceof RulesCheck.Invalid invalid) {
            problems.addAll(invalid.problems());
        }
    }

    private static LinksConfig links(YamlSection s) {
        Optional<SerialConfig> serial = s.section("serial").map(x -> {
            SerialConfig c = SerialConfig.of(x.path("device", SerialConfig.DEFAULT_DEVICE), baud(x));
            x.finish();
            return c;
        });
        Optional<MqttConfig> mqtt = s.section("mqtt").map(x -> {
            String gateway = text(x, "gateway_name", "barn", "[A-Za-z0-9-]{1,64}", "1..64 letters, digits or '-'");
            MqttConfig c = MqttConfig.of(x.uri("broker", MqttConfig.DEFAULT_BROKER, MqttConfig.SCHEMES), gateway,
                    text(x, "client_id", "herdgate-" + gateway, "[A-Za-z0-9_-]{1,64}", "1..64 letters, digits, '_' or '-'"),
                    x.optionalText("username"), x.path("password_file"), x.path("ca_file"));
            if (c.caFile().isPresent() && !"ssl".equals(c.broker().getScheme())) {
                x.problem("ca_file", "is set but the broker is not ssl://; allowed: ca_file with an ssl:// broker only");
            }
            if (c.username().isPresent() != c.passwordFile().isPresent()) {
                x.problem(c.username().isPresent() ? "password_file" : "username",
                        "username and password_file go together; allowed: both or neither");
            }
            x.finish();
            return c;
        });
        s.finish();
        return LinksConfig.of(serial, mqtt);
    }

    private static int baud(YamlSection x) {
        String b = x.oneOf("baud", Integer.toString(SerialConfig.DEFAULT_BAUD), SerialConfig.BAUD_RATES);
        return Integer.parseInt(b);
    }

    private static String text(YamlSection x, String key, String fallback, String regex, String allowed) {
        String v = x.text(key, fallback);
        if (!v.matches(regex)) {
            x.problem(key, "'" + v + "' is not allowed; allowed: " + allowed);
            return fallback;
        }
        return v;
    }

    private static HttpConfig http(YamlSection s) {
        HttpConfig c = HttpConfig.of(text(s, "bind", HttpConfig.DEFAULT.bind(), "[0-9A-Za-z.:_-]{1,253}",
                "an IP address or host name, e.g. 127.0.0.1 or 0.0.0.0"), s.integer("port", HttpConfig.DEFAULT.port(), 0, 65_535, ""));
        s.finish();
        return c;
    }

    private static Optional<GpioConfig> gpio(YamlSection s) {
        GpioConfig d = GpioConfig.DEFAULT;
        int siren = s.integer("siren_pin", d.sirenPin(), GpioConfig.MIN_PIN, GpioConfig.MAX_PIN, "BCM pin");
        int led = s.integer("led_pin", d.ledPin(), GpioConfig.MIN_PIN, GpioConfig.MAX_PIN, "BCM pin");
        int button = s.integer("button_pin", d.buttonPin(), GpioConfig.MIN_PIN, GpioConfig.MAX_PIN, "BCM pin");
        s.finish();
        if (siren == led || siren == button || led == button) {
            s.problem(led == button ? "button_pin" : siren == led ? "led_pin" : "button_pin",
                    "siren_pin " + siren + ", led_pin " + led + ", button_pin " + button + " share a pin; allowed: three different pins");
            return Optional.empty();
        }
        return Optional.of(GpioConfig.of(siren, led, button));
    }

    private static Optional<WhatsappConfig> whatsapp(YamlSection s) {
        var url = s.uri("api_url", WhatsappConfig.DEFAULT_API_URL, List.of("https", "http"));
        Optional<String> id = s.optionalText("phone_number_id");
        Optional<Path> token = s.path("token_file");
        if (id.isEmpty()) {
            s.problem("phone_number_id", "is required; allowed: the sending number's id (digits) from the Meta business account");
        } else if (!id.get().matches("\\d{5,20}")) {
            s.problem("phone_number_id", "'" + id.get() + "' is not allowed; allowed: 5..20 digits (quote it)");
        }
        if (token.isEmpty()) {
            s.problem("token_file", "is required; allowed: a file holding the access token");
        }
        Optional<String> appSecret = secretReference(s, "app_secret");
        Optional<String> verifyToken = secretReference(s, "verify_token");
        Optional<Path> templates = s.path("templates_file");
        templates.filter(f -> !Files.isRegularFile(f))
                .ifPresent(f -> s.problem("templates_file", "'" + f + "' does not exist; allowed: a templates JSON file"));
        s.finish();
        if (id.isEmpty() || token.isEmpty() || appSecret.isEmpty() || verifyToken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(WhatsappConfig.of(url, id.get(), token.get(), appSecret.get(), verifyToken.get(), templates));
    }

    /**
     * A required secret reference: {@code env:NAME} or {@code file:PATH} (relative to the configuration's
     * folder, normalised to an absolute {@code file:} reference). The secret itself never stands in the file.
     */
    private static Optional<String> secretReference(YamlSection s, String key) {
        String allowed = "env:NAME (an environment variable) or file:PATH (a file holding it)";
        Optional<String> ref = s.optionalText(key);
        if (ref.isEmpty()) {
            s.problem(key, "is required; allowed: " + allowed);
            return Optional.empty();
        }
        String r = ref.get().strip();
        if (r.matches("env:[A-Za-z_][A-Za-z0-9_]*")) {
            return Optional.of(r);
        }
        if (r.startsWith("file:") && r.length() > 5) {
            Path p;
            try {
                p = s.resolve(r.substring(5));
            } catch (InvalidPathException e) {
                s.problem(key, "'" + r + "' is not a valid path; allowed: " + allowed);
                return Optional.empty();
            }
            if (!Files.isRegularFile(p)) {
                s.problem(key, "'" + p + "' does not exist; allowed: " + allowed);
                return Optional.empty();
            }
            return Optional.of("file:" + p);
        }
        // the value is not echoed: it may be the secret itself
        s.problem(key, "is not a reference (the secret itself never stands in this file); allowed: " + allowed);
        return Optional.empty();
    }

    private static SmsConfig sms(YamlSection s) {
        SmsConfig c = SmsConfig.of(s.path("modem", SmsConfig.DEFAULT_MODEM), baud(s), s.path("pin_file"));
        s.finish();
        return c;
    }

    private static AlarmsConfig alarms(YamlSection s) {
        AlarmsConfig d = AlarmsConfig.DEFAULT;
        var summary = s.time("daily_summary", d.dailySummary());
        Optional<QuietHours> quiet = s.section("quiet_hours").flatMap(q -> {
            var start = q.optionalTime("start");
            var end = q.optionalTime("end");
            if (!q.has("start")) {
                q.problem("start", "is required; allowed: HH:MM");
            }
            if (!q.has("end")) {
                q.problem("end", "is required; allowed: HH:MM");
            }
            q.finish();
            if (start.isPresent() && end.isPresent() && start.get().equals(end.get())) {
                q.problem("end", "quiet hours start and end at " + start.get() + "; allowed: an end different from the start");
                return Optional.empty();
            }
            return start.isPresent() && end.isPresent() ? Optional.of(QuietHours.of(start.get(), end.get())) : Optional.empty();
        });
        int escalate = s.integer("escalate_after_min", (int) d.escalateAfter().toMinutes(), 1, AlarmsConfig.MAX_ESCALATE_MIN, "min");
        int workers = s.integer("delivery_workers", d.deliveryWorkers(), 1, AlarmsConfig.MAX_DELIVERY_WORKERS, "");
        s.finish();
        return AlarmsConfig.of(summary, quiet, Duration.ofMinutes(escalate), workers);
    }

    private static Optional<UpstreamConfig> upstream(YamlSection s, LinksConfig links) {
        boolean hasBroker = s.has("broker");
        var broker = s.uri("broker", MqttConfig.DEFAULT_BROKER, MqttConfig.SCHEMES);
        if (!hasBroker) {
            s.problem("broker", "is required; allowed: tcp://HOST[:PORT] or ssl://HOST[:PORT] of the upstream broker");
        }
        boolean hasGateway = s.has("gateway");
        String gateway = text(s, "gateway", "gateway", "[A-Za-z0-9-]{1,64}", "1..64 letters, digits or '-', e.g. farm1");
        if (!hasGateway) {
            s.problem("gateway", "is required; allowed: this gateway's name in the topics, 1..64 letters, digits or '-'");
        }
        String clientId = text(s, "client_id", "herdgate-" + gateway + "-upstream", "[A-Za-z0-9._-]{1,64}",
                "1..64 letters, digits, '.', '_' or '-'");
        // one broker drops the older of two connections with the same client id: they would take turns forever
        if (links.mqtt().filter(m -> m.broker().equals(broker) && m.clientId().equals(clientId)).isPresent()) {
            s.problem("client_id", "'" + clientId + "' is also links.mqtt.client_id on the same broker; allowed: a"
                    + " different client id");
        }
        String prefix = text(s, "topic_prefix", UpstreamConfig.DEFAULT_TOPIC_PREFIX, "[^/+#\\s]+(/[^/+#\\s]+)*",
                "topic levels without wildcards, spaces or empty levels, e.g. herdgate or coop/north");
        Optional<String> username = s.optionalText("username");
        Optional<Path> passwordFile = s.path("password_file");
        Optional<Path> caFile = s.path("ca_file");
        passwordFile.filter(f -> !Files.isRegularFile(f))
                .ifPresent(f -> s.problem("password_file", "'" + f + "' does not exist; allowed: a file holding the password"));
        caFile.filter(f -> !Files.isRegularFile(f))
                .ifPresent(f -> s.problem("ca_file", "'" + f + "' does not exist; allowed: a PEM CA certificate"));
        if (caFile.isPresent() && !"ssl".equals(broker.getScheme())) {
            s.problem("ca_file", "is set but the broker is not ssl://; allowed: ca_file with an ssl:// broker only");
        }
        if (username.isPresent() != passwordFile.isPresent()) {
            s.problem(username.isPresent() ? "password_file" : "username",
                    "username and password_file go together; allowed: both or neither");
        }
        int capacity = s.integer("queue_capacity", UpstreamConfig.DEFAULT_QUEUE_CAPACITY, 1, UpstreamConfig.MAX_QUEUE_CAPACITY,
                "events");
        int reconnectMax = s.integer("reconnect_max_s", (int) UpstreamConfig.DEFAULT_RECONNECT_MAX.toSeconds(), 1, 3600, "s");
        s.finish();
        if (!hasBroker || !hasGateway) {
            return Optional.empty();
        }
        return Optional.of(UpstreamConfig.of(broker, gateway, clientId, prefix, username, passwordFile, caFile, capacity,
                Duration.ofSeconds(reconnectMax)));
    }

    private static LoggingConfig logging(YamlSection s) {
        LoggingConfig c = LoggingConfig.of(s.oneOf("level", LoggingConfig.DEFAULT.level(), LoggingConfig.LEVELS), s.path("file"));
        s.finish();
        return c;
    }

    private static RetentionConfig retention(YamlSection s) {
        RetentionConfig d = RetentionConfig.DEFAULT;
        int days = s.integer("features_days", (int) d.features().toDays(), RetentionConfig.MIN_DAYS, RetentionConfig.MAX_DAYS, "days");
        RetentionConfig c = RetentionConfig.of(Duration.ofDays(days), s.time("run_at", d.runAt()));
        s.finish();
        return c;
    }
}
