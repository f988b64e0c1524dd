package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttPasswordTest {

    @TempDir
    Path dir;

    @Test
    void fromFile_readsTheFirstLine_andNeverShowsIt() throws Exception {
        Path f = Files.writeString(dir.resolve("pw"), "s3cret-hay\nsecond line\n");
        MqttPassword p = MqttPassword.fromFile(f);
        assertArrayEquals("s3cret-hay".getBytes(StandardCharsets.UTF_8), p.read());
        assertFalse(p.toString().contains("s3cret"), p.toString());
        assertTrue(p.toString().contains(f.toString()));
    }

    @Test
    void emptyOrMissingFile_isAConfigErrorNamingTheFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        LinkConfigException e = assertThrows(LinkConfigException.class, () -> MqttPassword.fromFile(empty).read());
        assertTrue(e.getMessage().contains("password_file " + empty + ": empty"), e.getMessage());
        Path missing = dir.resolve("missing");
        e = assertThrows(LinkConfigException.class, () -> MqttPassword.fromFile(missing).read());
        assertTrue(e.getMessage().contains("password_file " + missing + ": cannot read"), e.getMessage());
    }

    @Test
    void fromEnv_unsetVariable_isAConfigErrorNamingIt() {
        LinkConfigException e = assertThrows(LinkConfigException.class,
                () -> MqttPassword.fromEnv("HERDGATE_TEST_SURELY_UNSET_42").read());
        assertTrue(e.getMessage().contains("HERDGATE_TEST_SURELY_UNSET_42"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MqttPassword.fromEnv("NOT-A-NAME"));
    }
}
