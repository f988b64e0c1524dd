package io.herdgate.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PtyPairTest {

    @Test
    void bytesWrittenAtOneEnd_arriveAtTheOther_alsoAfterUnplugAndReplugOnTheSamePaths() throws Exception {
        try (PtyPair pty = PtyPair.open()) {
            assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF}, carry(pty, new byte[] {0, 1, 2, (byte) 0xFF}));

            pty.kill();
            assertFalse(pty.isPlugged());
            assertFalse(Files.exists(pty.a()), "unplugged: the device path vanishes");
            assertFalse(Files.exists(pty.b()));

            pty.start();
            assertTrue(pty.isPlugged());
            assertArrayEquals(new byte[] {9, 8, 7}, carry(pty, new byte[] {9, 8, 7}));
        }
    }

    private static byte[] carry(PtyPair pty, byte[] data) throws Exception {
        try (InputStream in = new FileInputStream(pty.b().toFile());
                OutputStream out = new FileOutputStream(pty.a().toFile())) {
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                try {
                    // readNBytes would ask a terminal for its position ("Illegal seek").
                    byte[] got = new byte[data.length];
                    int n = 0;
                    while (n < got.length) {
                        int r = in.read(got, n, got.length - n);
                        if (r < 0) {
                            break;
                        }
                        n += r;
                    }
                    return java.util.Arrays.copyOf(got, n);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            out.write(data);
            out.flush();
            return read.get(5, TimeUnit.SECONDS);
        }
    }
}
