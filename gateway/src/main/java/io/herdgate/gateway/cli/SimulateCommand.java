package io.herdgate.gateway.cli;

import io.herdgate.gateway.link.MqttLinkSettings;
import io.herdgate.gateway.link.MqttPassword;
import io.herdgate.gateway.link.SimulatedDongle;
import io.herdgate.gateway.link.SimulatedMqttRadio;
import io.herdgate.sim.collar.SimulatedCollar;
import io.herdgate.sim.collar.Transport;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.HerdMember;
import io.herdgate.sim.herd.SimulatedHerd;
import io.herdgate.sim.herd.SimulationClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate simulate}: a simulated herd speaking the real protocol to a gateway over a real link,
 * MQTT or a serial device (the dongle end of a pty pair, or a USB serial adapter looped to the gateway).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {
                "Runs a simulated herd against a running gateway over a real link: each collar joins with its "
                        + "root key, then sends authenticated frames; downlinks (join accepts, acks, config) go back "
                        + "to the collars. Frames wait while the link is down and go out in order when it is back.",
                "Pair the collars first: --keys-out writes their labels (eui,key) for the gateway.",
                "Simulated time starts now and runs --speed times as fast as real time; the gateway dates frames "
                        + "by their arrival, so alarms are realistic at speed 1."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--collars", required = true, description = "Herd size, 1..5000.")
    int collars;

    @Option(names = "--speed", defaultValue = "1", description = "Simulated seconds per real second, 0.1..1000 "
            + "(default: ${DEFAULT-VALUE}).")
    double speed;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Exactly one link. */
    static final class Target {
        @Option(names = "--mqtt", paramLabel = "URI", description = "Broker, tcp://host:1883 or ssl://host:8883.")
        Optional<String> mqtt;

        @Option(names = "--serial", paramLabel = "DEVICE", description = "Serial device to play the dongle on.")
        Optional<Path> serial;
    }

    @Option(names = "--gateway", defaultValue = "farm", description = "Gateway name in the MQTT topics "
            + "(default: ${DEFAULT-VALUE}).")
    String gateway;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM CA certificate for an ssl:// broker.")
    Optional<Path> caFile;

    @Option(names = "--username", description = "MQTT user name.")
    Optional<String> username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the MQTT password.")
    Optional<Path> passwordFile;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the MQTT password.")
    Optional<String> passwordEnv;

    @Option(names = "--events", defaultValue = "", description = "Injected events, e.g. heat:12,illness:#3 "
            + "(events: heat, illness, calving, down, collar_off, radio_loss, battery; a count or #cow+#cow).")
    String events;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the herd, keys included (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "SPAN",
            description = "Stop after this much simulated time, e.g. 2h, 1d (default: run until stopped).")
    Optional<Duration> duration;

    @Option(names = "--keys-out", paramLabel = "FILE", description = "Write the collar labels as CSV eui,key "
            + "(root keys, hex) to FILE (created 0600; must not exist), or '-' for standard output.")
    Optional<String> keysOut;

    @Option(names = "--buffer-frames", defaultValue = "100000", description = "Frames kept while the link is down, "
            + "1..10000000; beyond it the oldest are dropped and counted (default: ${DEFAULT-VALUE}).")
    int bufferFrames;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        check(collars >= 1 && collars <= 5000, "--collars must be 1..5000, got " + collars);
        check(speed >= 0.1 && speed <= 1000, "--speed must be 0.1..1000, got " + speed);
        check(bufferFrames >= 1 && bufferFrames <= 10_000_000, "--buffer-frames must be 1..10000000, got " + bufferFrames);
        duration.ifPresent(d -> check(!d.isNegative() && !d.isZero(), "--duration must be positive, got " + d));
        Instant start = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        HerdConfig config;
        try {
            config = HerdConfig.of(collars, seed, start, duration.orElse(Duration.ofDays(30))).withEvents(events);
        } catch (IllegalArgumentException e) { // EventSpecException names the entry
            throw new CommandLine.ParameterException(spec.commandLine(), "--events: " + e.getMessage());
        }
        AtomicReference<Transport> radio = new AtomicReference<>();
        SimulatedHerd herd = SimulatedHerd.of(config, frame -> radio.get().send(frame));
        if (keysOut.isPresent()) {
            writeLabels(herd, keysOut.get(), out);
        }
        if (target.mqtt.isPresent()) {
            MqttLinkSettings settings = mqttSettings(target.mqtt.get());
            out.printf("simulate: %d collars over MQTT %s (gateway %s), speed %s%n", collars, settings.broker(), gateway,
                    speed);
            out.flush();
            try (SimulatedMqttRadio mqtt = SimulatedMqttRadio.connect(settings, bufferFrames, herd::receive)) {
                radio.set(mqtt);
                run(herd, () -> { }, out, () -> "waiting " + mqtt.unconfirmed() + ", dropped " + mqtt.dropped());
            }
        } else {
            Path device = target.serial.orElseThrow();
            out.printf("simulate: %d collars on serial %s, speed %s%n", collars, device, speed);
            out.flush();
            try (SimulatedDongle dongle = SimulatedDongle.start(device, bufferFrames, herd::receive, Clock.systemUTC())) {
                radio.set(dongle);
                run(herd, dongle::flush, out, () -> "link " + dongle.state().label() + ", waiting " + dongle.waiting()
                        + ", dropped " + dongle.dropped());
            }
        }
        return 0;
    }

    private MqttLinkSettings mqttSettings(String uri) {
        try {
            MqttLinkSettings s = MqttLinkSettings.of(uri, gateway).withClientId("herdgate-sim-" + gateway);
            if (caFile.isPresent()) {
                s = s.withCaFile(caFile.get());
            }
            check(passwordFile.isEmpty() || passwordEnv.isEmpty(), "use --password-file or --password-env, not both");
            Optional<MqttPassword> password = passwordFile.map(MqttPassword::fromFile)
                    .or(() -> passwordEnv.map(MqttPassword::fromEnv));
            check(password.isEmpty() || username.isPresent(), "--password-file/--password-env need --username");
            if (username.isPresent()) {
                check(password.isPresent(), "--username needs --password-file or --password-env");
                s = s.withCredentials(username.get(), password.get());
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Advances the herd with the simulation clock every 100 ms; prints progress every 10 s of real time. */
    private void run(SimulatedHerd herd, Runnable afterStep, PrintWriter out, java.util.function.Supplier<String> link)
            throws InterruptedException {
        SimulationClock clock = SimulationClock.of(Clock.systemUTC(), herd.now(), speed);
        Optional<Instant> end = duration.map(d -> herd.now().plus(d));
        long lastReport = System.nanoTime();
        while (end.isEmpty() || herd.now().isBefore(end.get())) {
            Instant t = clock.instant();
            herd.advanceTo(end.isPresent() && t.isAfter(end.get()) ? end.get() : t);
            afterStep.run();
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                out.println("  " + status(herd) + ", " + link.get());
                out.flush();
                lastReport = System.nanoTime();
            }
            Thread.sleep(100);
        }
        afterStep.run();
        out.println("done: " + status(herd) + ", " + link.get());
        out.flush();
    }

    private static String status(SimulatedHerd herd) {
        long joined = herd.members().stream().filter(m -> m.collar().state() == SimulatedCollar.State.JOINED).count();
        long sent = herd.members().stream().mapToLong(m -> m.collar().framesSent()).sum();
        return "herd time " + herd.now() + ", " + joined + "/" + herd.members().size() + " joined, " + sent
                + " frames sent";
    }

    private void writeLabels(SimulatedHerd herd, String target, PrintWriter out) throws IOException {
        StringBuilder csv = new StringBuilder("eui,key\n");
        for (HerdMember m : herd.members()) {
            csv.append(m.identity().eui()).append(',').append(m.identity().rootKey().toHex()).append('\n');
        }
        if (target.equals("-")) {
            out.print(csv);
            out.flush();
            return;
        }
        Path file = Path.of(target);
        try {
            // Root keys: readable by the owner only, and never over an existing file.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keys-out: " + file + " already exists");
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        out.println("collar labels (eui,key) written to " + file);
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
