package io.herdgate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto started with the packaged configuration (src/deb/mosquitto), its installed paths
 * and ports replaced by a temporary folder and free ports, a throw-away CA and server certificate made
 * with openssl, and a password file made with mosquitto_passwd.
 */
final class ShippedMosquitto implements AutoCloseable {

    static final Path CONFIG_DIR = Path.of("src/deb/mosquitto");
    static final String PASSWORD = "s3cret-pass";

    final int localPort;
    final int tlsPort;
    final Path caCertificate;
    private final Process process;
    private final Path log;

    private ShippedMosquitto(int localPort, int tlsPort, Path caCertificate, Process process, Path log) {
        this.localPort = localPort;
        this.tlsPort = tlsPort;
        this.caCertificate = caCertificate;
        this.process = process;
        this.log = log;
    }

    /** Starts it with these users (all with {@link #PASSWORD}); fails if mosquitto rejects the config. */
    static ShippedMosquitto start(Path dir, List<String> users) throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=herdgate test CA", "-keyout", certs.resolve("ca.key").toString(),
                "-out", certs.resolve("ca.crt").toString());
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", certs.resolve("herdgate.key").toString(), "-out", certs.resolve("herdgate.csr").toString());
        Path ext = Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run(dir, "openssl", "x509", "-req", "-in", certs.resolve("herdgate.csr").toString(), "-days", "2",
                "-CA", certs.resolve("ca.crt").toString(), "-CAkey", certs.resolve("ca.key").toString(),
                "-CAcreateserial", "-extfile", ext.toString(), "-out", certs.resolve("herdgate.crt").toString());

        Path passwd = dir.resolve("herdgate.passwd");
        Files.createFile(passwd);
        for (String user : users) {
            run(dir, "mosquitto_passwd", "-b", passwd.toString(), user, PASSWORD);
        }
        Files.copy(CONFIG_DIR.resolve("herdgate.acl"), dir.resolve("herdgate.acl"));

        int localPort = freePort();
        int tlsPort = freePort();
        String config = rewrite(Files.readString(CONFIG_DIR.resolve("herdgate.conf")), Map.of(
                "/etc/mosquitto/certs/", certs + "/",
                "/etc/mosquitto/herdgate.passwd", passwd.toString(),
                "/etc/mosquitto/herdgate.acl", dir.resolve("herdgate.acl").toString(),
                "listener 1883 127.0.0.1", "listener " + localPort + " 127.0.0.1",
                "listener 8883", "listener " + tlsPort))
                // Started as root, mosquitto would switch to user mosquitto, who cannot read the temp folder.
                + "\nuser " + System.getProperty("user.name") + "\n";
        Path conf = Files.writeString(dir.resolve("mosquitto.conf"), config);

        Path log = dir.resolve("mosquitto.log");
        Process process = new ProcessBuilder("mosquitto", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ShippedMosquitto broker = new ShippedMosquitto(localPort, tlsPort, certs.resolve("ca.crt"), process, log);
        broker.awaitListening(localPort);
        broker.awaitListening(tlsPort);
        return broker;
    }

    /** Replaces each installed value; a value missing from the shipped file fails the test (it changed). */
    private static String rewrite(String config, Map<String, String> replacements) {
        String result = config;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            if (!result.contains(r.getKey())) {
                throw new IllegalStateException("shipped herdgate.conf no longer contains '" + r.getKey() + "'");
            }
            result = result.replace(r.getKey(), r.getValue());
        }
        return result;
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto does not listen on " + port + ":\n" + log());
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
