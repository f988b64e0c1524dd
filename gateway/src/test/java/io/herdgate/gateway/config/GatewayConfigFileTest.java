package io.herdgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.herdgate.rules.config.ConfigProblem;
import io.herdgate.rules.config.RulesFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayConfigFileTest {

    private static final Path BASE = Path.of("/etc/herdgate");

    private static List<String> problems(String yaml) {
        ConfigCheck c = GatewayConfigFile.parse(yaml, "herdgate.yaml", BASE);
        return assertInstanceOf(ConfigCheck.Invalid.class, c, "expected problems").problems().stream()
                .map(ConfigProblem::toString).toList();
    }

    private static GatewayConfig valid(String yaml) {
        ConfigCheck c = GatewayConfigFile.parse(yaml, "herdgate.yaml", BASE);
        return assertInstanceOf(ConfigCheck.Valid.class, c, () -> c.toString()).config();
    }

    @Test
    void parse_emptyFile_givesEveryPiDefault() {
        GatewayConfig c = valid("");
        assertEquals(Path.of("/var/lib/herdgate"), c.dataDir());
        assertEquals(HttpConfig.of("127.0.0.1", 8080), c.http());
        assertEquals(LinksConfig.none(), c.links());
        assertEquals(AlarmsConfig.DEFAULT, c.alarms());
        assertEquals(Duration.ofDays(400), c.retention().features());
        assertEquals(Optional.empty(), c.gpio());
    }

    @Test
    void parse_sectionsWithoutKeys_areEnabledWithTheirDefaults() {
        GatewayConfig c = valid("links:\n  serial:\n  mqtt:\ngpio:\n");
        assertEquals(Optional.of(SerialConfig.of(Path.of("/dev/ttyUSB0"), 115_200)), c.links().serial());
        assertEquals(URI.create("tcp://localhost:1883"), c.links().mqtt().orElseThrow().broker());
        assertEquals(Optional.of(GpioConfig.DEFAULT), c.gpio());
    }

    @Test
    void parse_relativePaths_areTakenFromTheConfigFilesFolder() {
        GatewayConfig c = valid("data_dir: data\nlinks:\n  mqtt:\n    username: hg\n    password_file: secret/mqtt\n");
        assertEquals(Path.of("/etc/herdgate/data"), c.dataDir());
        assertEquals(Optional.of(Path.of("/etc/herdgate/secret/mqtt")), c.links().mqtt().orElseThrow().passwordFile());
    }

    @Test
    void parse_manyMistakes_reportsEveryOneInFileOrderWithPathAndAllowedValues() {
        String yaml = """
                data_dir: /var/lib/herdgate
                time_zone: Europe/Berlln
                htp:
                  port: 8080
                http:
                  port: 70000
                links:
                  serial:
                    baud: 115201
                  mqtt:
                    broker: http://localhost:1883
                gpio:
                  siren_pin: 40
                alarms:
                  daily_summary: "25:00"
                  escalate_after_min: many
                logging:
                  level: verbose
                """;
        assertEquals(List.of(
                "herdgate.yaml:2:12: time_zone: 'Europe/Berlln' is not a time zone; did you mean 'Europe/Berlin'?; "
                        + "allowed: a region id such as Europe/Berlin or UTC",
                "herdgate.yaml:3:1: htp: unknown key 'htp'; did you mean 'http'?; allowed: data_dir, time_zone, "
                        + "rules_file, contacts_file, links, http, gpio, whatsapp, sms, alarms, logging, retention, upstream",
                "herdgate.yaml:6:9: http.port: 70000 is out of range; allowed: 0..65535",
                "herdgate.yaml:9:11: links.serial.baud: '115201' is not allowed; did you mean '115200'?; "
                        + "allowed: 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600",
                "herdgate.yaml:11:13: links.mqtt.broker: 'http://localhost:1883' is not allowed; "
                        + "allowed: tcp://HOST[:PORT], ssl://HOST[:PORT]",
                "herdgate.yaml:13:14: gpio.siren_pin: 40 is out of range; allowed: 2..27 (BCM pin)",
                "herdgate.yaml:15:18: alarms.daily_summary: the text '25:00' is not a time of day; "
                        + "allowed: HH:MM from 00:00 to 23:59",
                "herdgate.yaml:16:23: alarms.escalate_after_min: the text 'many' is not a number; allowed: 1..240 (min)",
                "herdgate.yaml:18:10: logging.level: 'verbose' is not allowed; allowed: trace, debug, info, warn, error"),
                problems(yaml));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "whatsapp: {token_file: t, app_secret: env:WA_SECRET, verify_token: env:WA_VERIFY}|herdgate.yaml:1:11: whatsapp.phone_number_id: is required; allowed: the sending number's id (digits) from the Meta business account",
            "whatsapp: {phone_number_id: '12345', token_file: t, app_secret: s3cr3tvalue, verify_token: env:V}|herdgate.yaml:1:65: whatsapp.app_secret: is not a reference (the secret itself never stands in this file); allowed: env:NAME (an environment variable) or file:PATH (a file holding it)",
            "gpio: {led_pin: 22}|herdgate.yaml:1:7: gpio.button_pin: siren_pin 17, led_pin 22, button_pin 22 share a pin; allowed: three different pins",
            "links: {mqtt: {username: hg}}|herdgate.yaml:1:15: links.mqtt.password_file: username and password_file go together; allowed: both or neither",
            "alarms: {quiet_hours: {start: '22:00', end: '22:00'}}|herdgate.yaml:1:45: alarms.quiet_hours.end: quiet hours start and end at 22:00; allowed: an end different from the start",
            "retention: {features_days: 3}|herdgate.yaml:1:28: retention.features_days: 3 is out of range; allowed: 7..3650 (days)",
            "alarms: {delivery_workers: 0}|herdgate.yaml:1:28: alarms.delivery_workers: 0 is out of range; allowed: 1..16",
            "http: [1, 2]|herdgate.yaml:1:7: http: a list is not allowed here; allowed: a mapping of keys",
            "rules_file: nowhere.yaml|herdgate.yaml:1:13: rules_file: '/etc/herdgate/nowhere.yaml' does not exist; allowed: a rules file (herdgate rules defaults writes one)",
            "http: {port: 80\\n|herdgate.yaml:1:16: not valid YAML: while parsing a flow mapping",
            "upstream: {gateway: farm1}|herdgate.yaml:1:11: upstream.broker: is required; allowed: tcp://HOST[:PORT] or ssl://HOST[:PORT] of the upstream broker",
            "upstream: {broker: 'tcp://coop:1883'}|herdgate.yaml:1:11: upstream.gateway: is required; allowed: this gateway's name in the topics, 1..64 letters, digits or '-'",
            "upstream: {broker: 'tcp://coop:1883', gateway: farm/1}|herdgate.yaml:1:48: upstream.gateway: 'farm/1' is not allowed; allowed: 1..64 letters, digits or '-', e.g. farm1",
            "upstream: {broker: 'mqtt://coop', gateway: farm1}|herdgate.yaml:1:20: upstream.broker: 'mqtt://coop' is not allowed; allowed: tcp://HOST[:PORT], ssl://HOST[:PORT]",
            "upstream: {broker: 'tcp://coop', gateway: f, topic_prefix: 'a/#'}|herdgate.yaml:1:60: upstream.topic_prefix: 'a/#' is not allowed; allowed: topic levels without wildcards, spaces or empty levels, e.g. herdgate or coop/north",
            "upstream: {broker: 'tcp://coop', gateway: f, queue_capacity: 0}|herdgate.yaml:1:62: upstream.queue_capacity: 0 is out of range; allowed: 1..10000000 (events)",
            "upstream: {broker: 'tcp://coop', gateway: f, username: hg}|herdgate.yaml:1:11: upstream.password_file: username and password_file go together; allowed: both or neither",
            "upstream: {broker: 'ssl://coop', gateway: f, ca_file: none.pem}|herdgate.yaml:1:55: upstream.ca_file: '/etc/herdgate/none.pem' does not exist; allowed: a PEM CA certificate",
            "{links: {mqtt: {gateway_name: f}}, upstream: {broker: 'tcp://localhost:1883', gateway: f, client_id: herdgate-f}}|herdgate.yaml:1:102: upstream.client_id: 'herdgate-f' is also links.mqtt.client_id on the same broker; allowed: a different client id",
            "upstream: {broker: 'tcp://coop', gateway: f, brokr: x}|herdgate.yaml:1:46: upstream.brokr: unknown key 'brokr'; did you mean 'broker'?",
    })
    void parse_oneMistake_isReportedExactly(String yaml, String expected) {
        List<String> p = problems(yaml.replace("\\n", "\n"));
        assertEquals(1, p.size(), p.toString());
        String got = p.get(0);
        assertEquals(expected, got.startsWith(expected) ? expected : got);
    }

    @Test
    void read_rulesFileWithErrors_reportsTheRulesFilesOwnProblems(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), "herd:\n  heat:\n    rise_pct: 650\n");
        Path cfg = Files.writeString(dir.resolve("herdgate.yaml"), "rules_file: rules.yaml\n");
        ConfigCheck c = GatewayConfigFile.read(cfg);
        List<ConfigProblem> p = assertInstanceOf(ConfigCheck.Invalid.class, c).problems();
        assertEquals(dir.resolve("rules.yaml") + ":3:15: herd.heat.rise_pct: 650 is outside 10..500 (%)", p.get(0).toString());
    }

    @Test
    void exampleConfig_isValid_andSaysWhatItDocuments(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("herdgate.yaml");
        Files.writeString(cfg, resource(GatewayConfigFile.EXAMPLE_RESOURCE));
        Files.writeString(dir.resolve("rules.yaml"), RulesFile.defaultText());

        ConfigCheck c = GatewayConfigFile.read(cfg);

        GatewayConfig g = assertInstanceOf(ConfigCheck.Valid.class, c, () -> c.toString()).config();
        assertEquals(ZoneId.of("Europe/Berlin"), g.zone());
        assertEquals(Optional.of(dir.resolve("rules.yaml")), g.rulesFile());
        assertEquals(Path.of("/dev/ttyUSB0"), g.links().serial().orElseThrow().device());
        assertEquals(URI.create("tcp://localhost:1883"), g.links().mqtt().orElseThrow().broker());
        assertEquals(Optional.of(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(5, 30))), g.alarms().quietHours());
        assertEquals(16, g.alarms().deliveryWorkers());
    }

    @Test
    void parse_upstream_takesItsDefaultsFromTheGatewayName() {
        UpstreamConfig u = valid("upstream:\n  broker: ssl://coop.example:8883\n  gateway: farm1\n").upstream().orElseThrow();
        assertEquals(URI.create("ssl://coop.example:8883"), u.broker());
        assertEquals("herdgate-farm1-upstream", u.clientId());
        assertEquals("herdgate", u.topicPrefix());
        assertEquals(100_000, u.queueCapacity());
        assertEquals(Duration.ofMinutes(2), u.reconnectMax());
        assertEquals(Optional.empty(), valid("").upstream());
    }

    @Test
    void exampleConfig_upstreamSectionUncommented_isValid(@TempDir Path dir) throws IOException {
        String example = resource(GatewayConfigFile.EXAMPLE_RESOURCE);
        int from = example.indexOf("# upstream:");
        int to = example.indexOf("\n\n", from);
        String section = example.substring(from, to).replaceAll("(?m)^# ", "").replaceAll("(?m)^#   ", "  ");
        Files.writeString(dir.resolve("upstream-password"), "secret\n");
        Path cfg = Files.writeString(dir.resolve("herdgate.yaml"), section + "\n");

        ConfigCheck c = GatewayConfigFile.read(cfg);

        UpstreamConfig u = assertInstanceOf(ConfigCheck.Valid.class, c, () -> c.toString() + "\n" + section).config()
                .upstream().orElseThrow();
        assertEquals("farm1", u.gateway());
        assertEquals(Optional.of(dir.resolve("upstream-password")), u.passwordFile());
    }

    @Test
    void read_missingFile_isOneProblemAtTheStart(@TempDir Path dir) {
        ConfigCheck c = GatewayConfigFile.read(dir.resolve("nope.yaml"));
        String p = assertInstanceOf(ConfigCheck.Invalid.class, c).problems().get(0).toString();
        assertEquals(dir.resolve("nope.yaml") + ":1:1: cannot be read (NoSuchFileException: " + dir.resolve("nope.yaml") + ")", p);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GatewayConfigFile.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
