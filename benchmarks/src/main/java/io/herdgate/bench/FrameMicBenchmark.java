package io.herdgate.bench;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.FrameMic;
import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One uplink's MIC (AES-CMAC over B0 and the frame, PROTOCOL.md's MIC) of {@code length} MIC'd bytes:
 * {@link FrameMic} as the gateway computes it, against the same CMAC as one AES-CBC {@code Cipher.doFinal}
 * of the padded, masked message (how {@code AesCmac} computed it before it ran the chain through its own
 * AES-128). Run it with {@code -jvmArgsAppend -XX:TieredStopAtLevel=1}: the gateway runs C1 only, where the
 * JDK's AES has no CPU instructions. Scores are MICs per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameMicBenchmark {

    /** About a status frame, and a sample batch near the largest frame (255 bytes, 251 of them MIC'd). */
    @Param({"40", "240"})
    int length;

    private byte[] frame;
    private FrameMic mic;
    private Cipher cbc;
    private byte[] k1;
    private byte[] k2;
    private byte[] in;
    private byte[] out;
    private long counter;

    @Setup
    public void setUp() throws GeneralSecurityException {
        SplittableRandom random = new SplittableRandom(7);
        byte[] key = new byte[16];
        random.nextBytes(key);
        frame = new byte[length];
        random.nextBytes(frame);
        mic = FrameMic.of(AesKey.of(key));
        cbc = Cipher.getInstance("AES/CBC/NoPadding");
        cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        k1 = dbl(ecb.doFinal(new byte[16]));
        k2 = dbl(k1);
        in = new byte[length + 32];
        out = new byte[length + 32];
    }

    @Benchmark
    public int frameMic() {
        return mic.compute(0, 0x70B3D57ED0001234L, counter++, frame, 0, length);
    }

    /**
     * B0 and the frame, masked as RFC 4493 says (K1 on a complete last block, else 0x80 padding and K2), then
     * one CBC encryption through the JDK's Cipher.
     */
    @Benchmark
    public int jdkCbcDoFinal() throws GeneralSecurityException {
        in[0] = 0x49;
        in[10] = (byte) counter++;
        System.arraycopy(frame, 0, in, 16, length);
        int total = 16 + length;
        int padded = (total + 15) / 16 * 16;
        byte[] k = k1;
        if (padded != total) {
            in[total] = (byte) 0x80;
            java.util.Arrays.fill(in, total + 1, padded, (byte) 0);
            k = k2;
        }
        for (int i = 0; i < 16; i++) {
            in[padded - 16 + i] ^= k[i];
        }
        cbc.doFinal(in, 0, padded, out, 0);
        return out[padded - 16];
    }

    private static byte[] dbl(byte[] b) {
        byte[] r = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) ((b[i] << 1) | (i < 15 ? (b[i + 1] & 0xFF) >>> 7 : 0));
        }
        if ((b[0] & 0x80) != 0) {
            r[15] ^= (byte) 0x87;
        }
        return r;
    }
}
