package io.herdgate.rules.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void indexOf_randomBuffers_agreesWithAPlainLoop() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int run = 0; run < 20_000; run++) {
            byte[] b = new byte[rnd.nextInt(1, 40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rnd.nextInt(8) == 0 ? '\n' : rnd.nextInt(256));
            }
            int from = rnd.nextInt(b.length);
            int to = rnd.nextInt(from, b.length + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (b[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, Bytes.indexOf(b, from, to, (byte) '\n'));
        }
    }
}
