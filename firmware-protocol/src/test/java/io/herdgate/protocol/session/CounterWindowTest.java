package io.herdgate.protocol.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CounterWindowTest {

    @ParameterizedTest(name = "last {0}, on air {1} (short {2}) -> {3}")
    @CsvSource({
            // no history: the value on air, high bits zero
            "-1, 7, true, 7",
            "-1, 70000, false, 70000",
            // 32 bits on air: always the value itself
            "100, 5, false, 5",
            "100, 4000000000, false, 4000000000",
            // 16 bits: same, ahead, wrap of the low 16 bits
            "100, 100, true, 100",
            "100, 101, true, 101",
            "65535, 0, true, 65536",
            "131070, 3, true, 131075",
            // largest tolerated gap, and one more is taken as an old frame
            "100, 16484, true, 16484",
            "100, 16485, true, -1",
            "70000, 4465, true, 70001",
            "70000, 20848, true, 86384",
            "70000, 20849, true, 20849",
            // behind the last counter
            "70000, 4463, true, 69999",
            "65536, 65535, true, 65535",
    })
    void rebuild_followsTheDocumentedWindow(long last, long onAir, boolean shortCounter, long expected) {
        assertEquals(expected, CounterWindow.rebuild(last, onAir, shortCounter));
    }
}
