package io.herdgate.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.testing.Mosquitto;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three gateway processes, each with its own database, publish to one real mosquitto; on farm2 a
 * farmer acknowledges the heat alarm. The upstream consumer sees every gateway's events apart and the
 * acknowledgement after the raise.
 */
class GatewayProcessesTest {

    @TempDir
    Path dir;

    @Test
    void threeGateways_oneBroker_everyEventArrives_andTheAcknowledgementIsVisible() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start();
             UpstreamSubscriber consumer = UpstreamSubscriber.connect(broker.uri(), "herdgate/+/events/#")) {
            List<Process> gateways = new ArrayList<>();
            for (String farm : List.of("farm1", "farm2", "farm3")) {
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), GatewayProcess.class.getName(),
                        broker.uri(), farm, dir.resolve(farm + ".db").toString()));
                if (farm.equals("farm2")) {
                    command.add("anna");
                }
                gateways.add(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dir.resolve(farm + ".log").toFile()).start());
            }
            for (Process p : gateways) {
                assertTrue(p.waitFor(90, TimeUnit.SECONDS), "gateway process did not finish");
                assertEquals(0, p.exitValue(), "gateway process failed, see its log in " + dir);
            }

            // health, collar, 3 features, raised (+ acknowledged on farm2)
            List<UpstreamSubscriber.Received> all = consumer.take(3 * 6 + 1, 20);
            Map<String, List<UpstreamSubscriber.Received>> byGateway = all.stream()
                    .collect(Collectors.groupingBy(r -> r.json().get("gateway").asText()));
            assertEquals(List.of("farm1", "farm2", "farm3"), byGateway.keySet().stream().sorted().toList());
            for (Map.Entry<String, List<UpstreamSubscriber.Received>> e : byGateway.entrySet()) {
                List<Long> seqs = e.getValue().stream().map(r -> r.json().get("seq").asLong()).toList();
                assertEquals(seqs.stream().sorted().toList(), seqs, e.getKey() + ": in order");
                assertTrue(e.getValue().stream().allMatch(r -> r.topic().startsWith("herdgate/" + e.getKey() + "/events/")),
                        e.getKey() + ": topics under its own name");
            }
            Map<String, String> alarmStates = new HashMap<>();
            for (UpstreamSubscriber.Received r : all) {
                if (r.topic().endsWith("/events/alarm")) {
                    alarmStates.merge(r.json().get("gateway").asText(), r.json().get("state").asText(), (a, b) -> a + "," + b);
                }
            }
            assertEquals(Map.of("farm1", "raised", "farm2", "raised,acknowledged", "farm3", "raised"), alarmStates);
            UpstreamSubscriber.Received ack = all.stream()
                    .filter(r -> r.json().path("state").asText().equals("acknowledged")).findFirst().orElseThrow();
            assertEquals("anna", ack.json().get("by").asText());
            assertEquals("farm2-cow-1", ack.json().get("cow").asText());
            assertEquals(GatewayProcess.RAISED.toString(), ack.json().get("raised_at").asText());
            assertTrue(consumer.next(1).isEmpty(), "nothing more");
        }
    }
}
