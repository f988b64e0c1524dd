package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waits_doubleUpToTheCap_andStartOverAfterASuccess() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
        List<Duration> waits = Stream.generate(b::next).limit(6).toList();
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3)), waits);
        b.reset();
        assertEquals(Duration.ofMillis(500), b.next());
    }
}
