package io.herdgate.gateway.testing;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.whatsapp.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a gateway under test starts from, written into one directory: {@code herdgate.yaml} (data in
 * {@code data/}, HTTP on a free loopback port) and the files it names (contacts, rules, WhatsApp secrets).
 * Each test still spells out in YAML what it is about; this only writes what every such test repeats.
 *
 * <pre>{@code
 * Path config = GatewayFiles.in(dir).timeZone("UTC")
 *         .contacts(GatewayFiles.farmer(ANNA, "en") + "grouping: {window: 0m}\n")
 *         .whatsapp(phones.baseUrl(), PHONE_ID, TOKEN, APP_SECRET)
 *         .yaml("links:\n  mqtt:\n    broker: " + broker.uri() + "\n    gateway_name: barn\n")
 *         .write();
 * }</pre>
 */
public final class GatewayFiles {

    private final Path dir;
    private final StringBuilder yaml = new StringBuilder();
    private String timeZone = "UTC";

    private GatewayFiles(Path dir) {
        this.dir = dir;
    }

    /** Files written into {@code dir} (which must exist). */
    public static GatewayFiles in(Path dir) {
        return new GatewayFiles(dir);
    }

    /**
     * A contacts file with one farmer, Anna Huber, opted in at installation, and one route that sends
     * everything to her.
     */
    public static String farmer(PhoneNumber phone, String language) {
        return """
                contacts:
                  - id: anna
                    name: Anna Huber
                    phone: "%s"
                    language: %s
                    role: farmer
                    opt-in: {at: 2026-03-01, how: signed form at installation}
                routes:
                  - name: everything
                    chain:
                      - contact: anna
                """.formatted(phone.e164(), language);
    }

    /** The gateway's time zone (IANA id); UTC unless set. */
    public GatewayFiles timeZone(String zone) {
        timeZone = zone;
        return this;
    }

    /** Writes {@code contacts.yaml} and names it. */
    public GatewayFiles contacts(String contactsYaml) {
        file("contacts.yaml", contactsYaml);
        yaml.append("contacts_file: contacts.yaml\n");
        return this;
    }

    /** Writes {@code rules.yaml} and names it. */
    public GatewayFiles rules(String rulesYaml) {
        file("rules.yaml", rulesYaml);
        yaml.append("rules_file: rules.yaml\n");
        return this;
    }

    /** WhatsApp Cloud API at {@code apiUrl}, its secrets in files beside the configuration. */
    public GatewayFiles whatsapp(URI apiUrl, String phoneNumberId, Secret token, Secret appSecret) {
        file("wa-token", token.reveal() + "\n");
        file("wa-secret", appSecret.reveal() + "\n");
        file("wa-verify", "verify-me\n");
        yaml.append("""
                whatsapp:
                  api_url: %s
                  phone_number_id: "%s"
                  token_file: wa-token
                  app_secret: file:wa-secret
                  verify_token: file:wa-verify
                """.formatted(apiUrl, phoneNumberId));
        return this;
    }

    /** More of {@code herdgate.yaml} as it is (top-level sections, whole lines). */
    public GatewayFiles yaml(String more) {
        yaml.append(more.endsWith("\n") ? more : more + "\n");
        return this;
    }

    /** Writes {@code herdgate.yaml}; returns its path. */
    public Path write() {
        return file("herdgate.yaml", """
                data_dir: data
                time_zone: %s
                http:
                  bind: 127.0.0.1
                  port: 0
                """.formatted(timeZone) + yaml);
    }

    private Path file(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }
}
