package io.herdgate.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real {@code mosquitto} broker for one test, listening on a free loopback port with a generated
 * configuration in its own temporary folder. {@link #plain()} accepts anonymous clients over TCP;
 * {@link #secured(String, String)} speaks TLS only (a CA and a server certificate for {@code 127.0.0.1} and
 * {@code localhost} made with {@code openssl} at test time) and requires the given user and password
 * (a password file made with {@code mosquitto_passwd -b}).
 *
 * <p>The broker persists sessions and queued messages in its folder and saves them when stopped, so
 * {@link #restart()} keeps persistent sessions (as a broker restarted by systemd does). The port stays the
 * same across restarts. Queue limits are raised so that no QoS 1 message is dropped for a disconnected
 * subscriber during a test.
 *
 * <pre>{@code
 * try (Mosquitto broker = Mosquitto.plain().start()) {
 *     client.connect(broker.uri());
 *     broker.restart();
 * }
 * }</pre>
 */
public final class Mosquitto implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 15_000;

    private final Path dir;
    private final Path executable;
    private final int port;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<Path> caFile;
    private final Path log;
    private Process process;

    private Mosquitto(Optional<String> username, Optional<String> password, boolean tls) {
        executable = ExternalProgram.require("mosquitto", "mosquitto");
        try {
            dir = Files.createTempDirectory("mosquitto");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.username = username;
        this.password = password;
        this.port = freePort();
        this.log = dir.resolve("mosquitto.log");
        StringBuilder conf = new StringBuilder()
                .append("listener ").append(port).append(" 127.0.0.1\n")
                .append("persistence true\n")
                .append("persistence_location ").append(dir).append("/\n")
                .append("autosave_interval 1\n")
                // Defaults would drop QoS 1 messages beyond 1000 queued for an offline subscriber.
                .append("max_queued_messages 1000000\n")
                .append("max_queued_bytes 0\n")
                .append("log_dest stderr\n")
                .append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n")
                .append("connection_messages true\n")
                // As root mosquitto drops to user "mosquitto", who could not read this private folder.
                .append("user ").append(System.getProperty("user.name")).append('\n');
        if (username.isPresent()) {
            Path passwd = dir.resolve("passwd");
            ExternalProgram.run(dir, ExternalProgram.require("mosquitto_passwd", "mosquitto").toString(),
                    "-c", "-b", passwd.toString(), username.get(), password.orElseThrow());
            conf.append("allow_anonymous false\npassword_file ").append(passwd).append('\n');
        } else {
            conf.append("allow_anonymous true\n");
        }
        if (tls) {
            caFile = Optional.of(makeCertificates(dir));
            conf.append("cafile ").append(dir.resolve("ca.crt")).append('\n')
                    .append("certfile ").append(dir.resolve("server.crt")).append('\n')
                    .append("keyfile ").append(dir.resolve("server.key")).append('\n');
        } else {
            caFile = Optional.empty();
        }
        try {
            Files.writeString(dir.resolve("mosquitto.conf"), conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An anonymous broker on plain TCP ({@code tcp://127.0.0.1:<port>}); not yet started. */
    public static Mosquitto plain() {
        return new Mosquitto(Optional.empty(), Optional.empty(), false);
    }

    /**
     * A broker on TLS only ({@code ssl://127.0.0.1:<port>}, server certificate signed by {@link #caFile()})
     * that accepts only {@code username} with {@code password}; not yet started.
     */
    public static Mosquitto secured(String username, String password) {
        return new Mosquitto(Optional.of(username), Optional.of(password), true);
    }

    /** Starts the broker and waits until it accepts connections; fails with its log otherwise. */
    public Mosquitto start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto already running on port " + port);
        }
        try {
            process = new ProcessBuilder(executable.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + " on port " + port
                        + ":\n" + ExternalProgram.tail(log, 4000));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("mosquitto not accepting on port " + port + " after "
                        + START_TIMEOUT_MS + " ms:\n" + ExternalProgram.tail(log, 4000));
            }
            sleep(20);
        }
        return this;
    }

    /** Stops the broker the way systemd does (SIGTERM; it saves its sessions); the port stays reserved. */
    public void stop() {
        ExternalProgram.stop(process, 10_000);
    }

    /** {@link #stop()} then {@link #start()} on the same port. */
    public void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code tcp://127.0.0.1:<port>}, or {@code ssl://...} for a secured broker. */
    public String uri() {
        return (caFile.isPresent() ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The CA certificate (PEM) that signed the server certificate; present for a secured broker. */
    public Optional<Path> caFile() {
        return caFile;
    }

    public Optional<String> username() {
        return username;
    }

    public Optional<String> password() {
        return password;
    }

    /** The broker's log (connections, errors), for diagnosing a failing test. */
    public String logText() {
        return ExternalProgram.tail(log, 100_000);
    }

    /** Stops the broker and deletes its folder. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path makeCertificates(Path dir) {
        String openssl = ExternalProgram.require("openssl", "openssl").toString();
        ExternalProgram.run(dir, openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
                "-out", "ca.crt", "-days", "2", "-subj", "/CN=herdgate-test-ca",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        ExternalProgram.run(dir, openssl, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key",
                "-out", "server.csr", "-subj", "/CN=localhost");
        try {
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExternalProgram.run(dir, openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
        return dir.resolve("ca.crt");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mosquitto", e);
        }
    }
}
