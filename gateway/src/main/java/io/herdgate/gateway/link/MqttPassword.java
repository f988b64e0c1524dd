package io.herdgate.gateway.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the MQTT password comes from: a file (first line, trailing newline ignored) or an environment
 * variable. Never the configuration file itself, so {@code herdgate.yaml} can be shown and backed up
 * freely. Read at every connect attempt (a fixed file is picked up without a restart); never logged:
 * {@link #toString()} names only the source.
 */
public sealed interface MqttPassword {

    /** The password bytes (UTF-8). */
    byte[] read();

    static MqttPassword fromFile(Path file) {
        return new FromFile(file);
    }

    static MqttPassword fromEnv(String variable) {
        return new FromEnv(variable);
    }

    /** The first line of a file, e.g. {@code /etc/herdgate/mqtt-password} (mode 0600, owner herdgate). */
    record FromFile(Path file) implements MqttPassword {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public byte[] read() {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new LinkConfigException("mqtt password_file " + file + ": cannot read ("
                        + e.getClass().getSimpleName() + ")");
            }
            String line = text.lines().findFirst().orElse("");
            if (line.isEmpty()) {
                throw new LinkConfigException("mqtt password_file " + file + ": empty; put the password on its first line");
            }
            return line.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "password from file " + file;
        }
    }

    /** An environment variable, e.g. {@code HERDGATE_MQTT_PASSWORD} (set in the systemd unit's credentials). */
    record FromEnv(String variable) implements MqttPassword {
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        public FromEnv {
            Objects.requireNonNull(variable, "variable");
            if (!NAME.matcher(variable).matches()) {
                throw new IllegalArgumentException("mqtt password_env must be an environment variable name "
                        + "(letters, digits, _), got '" + variable + "'");
            }
        }

        @Override
        public byte[] read() {
            String v = System.getenv(variable);
            if (v == null || v.isEmpty()) {
                throw new LinkConfigException("mqtt password_env " + variable + ": not set in the gateway's environment");
            }
            return v.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "password from environment variable " + variable;
        }
    }
}
