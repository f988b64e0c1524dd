package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.ingest.CollarDirectory;
import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.gateway.ingest.Pairing;
import io.herdgate.gateway.link.Downlinks;
import io.herdgate.gateway.link.Ingest;
import io.herdgate.gateway.link.LinkState;
import io.herdgate.gateway.link.MqttLink;
import io.herdgate.gateway.link.MqttLinkSettings;
import io.herdgate.gateway.testing.Mosquitto;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.rules.series.CowId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void simulate_overMqtt_writesLabelsThatPairTheGateway_andTheHerdJoinsAndSendsData() throws Exception {
        Path labels = tmp.resolve("labels.csv");
        try (Mosquitto broker = Mosquitto.plain().start()) {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("simulate", "--collars", "3",
                    "--speed", "60", "--duration", "10m", "--mqtt", broker.uri(), "--gateway", "sim1", "--seed", "5",
                    "--keys-out", labels.toString()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!(Files.exists(labels) && Files.readAllLines(labels).size() == 4) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<String> lines = Files.readAllLines(labels);
            assertEquals("eui,key", lines.get(0));
            assertEquals(4, lines.size(), lines.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(labels)));

            // The gateway pairs the collars from the labels, as an installer would.
            List<Pairing> pairings = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                pairings.add(Pairing.of(CollarEui.parse(f[0]), AesKey.ofHex(f[1]), CowId.of(String.valueOf(i))));
            }
            CollarDirectory directory = CollarDirectory.of(pairings);
            Downlinks downlinks = Downlinks.create();
            FramePipeline pipeline = FramePipeline.builder(directory, JoinServer.of(1, directory,
                            InMemoryCounterStore.create(), Clock.systemUTC(), new SplittableRandom(1)),
                    InMemoryCounterStore.create()).downlinks(downlinks).build();
            Map<String, Integer> results = new ConcurrentHashMap<>();
            try (Ingest ingest = Ingest.start(pipeline, downlinks, 256,
                    (link, r) -> results.merge(r.getClass().getSimpleName(), 1, Integer::sum));
                    MqttLink link = MqttLink.of(MqttLinkSettings.of(broker.uri(), "sim1"), ingest, Clock.systemUTC())) {
                link.start();
                Cli cli = run.get(60, TimeUnit.SECONDS);

                assertEquals(0, cli.exit(), cli.err());
                assertTrue(cli.out().contains("done: herd time"), cli.out());
                assertTrue(cli.out().contains("3/3 joined"), cli.out());
                assertTrue(link.state() instanceof LinkState.Up);
                assertEquals(3, results.getOrDefault(IngestResult.Joined.class.getSimpleName(), 0), results.toString());
                assertTrue(results.getOrDefault(IngestResult.Accepted.class.getSimpleName(), 0) > 3 * 60, results.toString());
                assertEquals(0, results.getOrDefault(IngestResult.Dropped.class.getSimpleName(), 0), results.toString());
            }
        }
    }

    @Test
    void keysOutDash_printsTheLabelsOnStandardOutput() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start()) {
            Cli cli = Cli.run("simulate", "--collars", "2", "--speed", "100", "--duration", "10s", "--mqtt", broker.uri(),
                    "--keys-out", "-");
            assertEquals(0, cli.exit(), cli.err());
            assertTrue(cli.out().startsWith("eui,key\n70B3D5499A000001,"), cli.out());
            assertTrue(cli.out().contains("\n70B3D5499A000002,"), cli.out());
        }
    }

    @Test
    void badArguments_endWithOneClearLine_andNoStackTrace() throws Exception {
        Path existing = Files.writeString(tmp.resolve("exists.csv"), "x");
        List<String[]> cases = List.of(
                new String[] {"simulate", "--collars", "0", "--mqtt", "tcp://127.0.0.1:1883"},
                new String[] {"simulate", "--collars", "2"},
                new String[] {"simulate", "--collars", "2", "--mqtt", "tcp://127.0.0.1:1883", "--serial", "/dev/null"},
                new String[] {"simulate", "--collars", "2", "--mqtt", "tcp://127.0.0.1:1883", "--events", "rain:2"},
                new String[] {"simulate", "--collars", "2", "--mqtt", "http://127.0.0.1"},
                new String[] {"simulate", "--collars", "2", "--mqtt", "tcp://127.0.0.1:1883", "--keys-out", existing.toString()});
        List<String> expected = List.of("--collars must be 1..5000", "--mqtt", "mutually exclusive", "--events",
                "tcp://host:port", "already exists");
        for (int i = 0; i < cases.size(); i++) {
            Cli cli = Cli.run(cases.get(i));
            assertEquals(2, cli.exit(), String.join(" ", cases.get(i)) + "\n" + cli.err());
            assertTrue(cli.err().contains(expected.get(i)), cli.err());
            assertTrue(cli.noStackTrace(), cli.err());
        }
    }
}
