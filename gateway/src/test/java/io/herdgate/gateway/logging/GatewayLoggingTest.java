package io.herdgate.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link LogProbe} in a fresh JVM and reads what it logged. */
class GatewayLoggingTest {

    private static final String PASSWORD = "hay-bale-Secret-77";
    private static final String ACCESS_TOKEN = "EAAGaccess7TokenForTheGraphApi0123456789";
    private static final String APP_SECRET = "f00dfeedcafe0123456789abcdef0001";
    private static final String VERIFY_TOKEN = "barn-door-verify-token-99";

    @TempDir
    static Path dir;
    private static Path logDir;
    private static String log;
    private static String token;

    @BeforeAll
    static void runProbe() throws Exception {
        logDir = dir.resolve("log");
        Path dataDir = dir.resolve("data");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, LogProbe.class.getName(), logDir.toString(), dataDir.toString(), PASSWORD, ACCESS_TOKEN, APP_SECRET,
                VERIFY_TOKEN)
                .redirectErrorStream(true).redirectOutput(dir.resolve("probe.out").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe finished");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("probe.out")));
        StringBuilder all = new StringBuilder();
        for (Path f : logFiles()) {
            all.append(Files.readString(f, StandardCharsets.UTF_8));
        }
        all.append(Files.readString(dir.resolve("probe.out")));
        log = all.toString();
        token = Files.readString(dataDir.resolve("api-token")).strip();
    }

    private static List<Path> logFiles() throws Exception {
        try (Stream<Path> files = Files.list(logDir)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("herdgate\\.\\d+\\.log")).toList());
        }
    }

    @Test
    void log_recordsOneKeyValueLinePerSecurityEvent() {
        assertTrue(log.contains("INFO ApiToken api token created file="), log);
        assertTrue(log.contains("WARN ApiAuth api request refused reason=wrong-token method=GET path=/api/ping"));
        assertTrue(log.contains("WARN ConsoleModule console login failed ip=127.0.0.1 user_known=true locked=false"));
        assertTrue(log.contains("INFO ConsoleModule console login user=farmer ip=127.0.0.1"));
        assertTrue(log.contains("api token in use token=ApiToken[redacted]"));
        assertTrue(log.contains("WhatsApp webhook"), "the refused webhook calls are logged");
    }

    @Test
    void log_neverContainsTheApiTokenConsolePasswordOrWhatsAppSecrets() {
        assertEquals(43, token.length());
        assertFalse(log.contains(token), "API token leaked into the log");
        assertFalse(log.contains(PASSWORD), "console password leaked into the log");
        assertFalse(log.contains(ACCESS_TOKEN), "WhatsApp access token leaked into the log");
        assertFalse(log.contains(APP_SECRET), "WhatsApp app secret leaked into the log");
        assertFalse(log.contains(VERIFY_TOKEN), "WhatsApp verify token leaked into the log");
    }

    @Test
    void files_rollOverAtTheirSizeAndKeepOnlyTheBackups() throws Exception {
        List<Path> files = logFiles();

        assertEquals(3, files.size(), "current file + 2 backups: " + files);
        for (Path f : files) {
            assertTrue(Files.size(f) <= 16 * 1024 + 512, f + " is " + Files.size(f) + " bytes");
        }
        assertTrue(Files.exists(logDir.resolve("herdgate.log")), "herdgate.log points at the current file");
    }

    @Test
    void settings_outOfRange_areRejectedNamingTheKey() {
        Path file = dir.resolve("herdgate.log");
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> LogSettings.of(file, 1000, 4, "info"));
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> LogSettings.of(file, "verbose"));

        assertTrue(size.getMessage().startsWith("logging.max_file_bytes"), size.getMessage());
        assertEquals("logging.level must be one of trace, debug, info, warn, error: 'verbose'", level.getMessage());
        assertEquals(dir.resolve("herdgate.{count}.log").toString(), LogSettings.of(file, "info").numberedPattern());
        assertEquals(dir.resolve("gateway.txt.{count}.log").toString(),
                LogSettings.of(dir.resolve("gateway.txt"), "info").numberedPattern());
    }
}
