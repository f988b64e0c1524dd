package io.herdgate.bench;

import io.herdgate.sim.motion.Behaviour;

/**
 * Prints bytes per sample of the benchmark traffic: binary frames on air (header, payload, MIC), the
 * same frames on the dongle's serial link, and the codec's JSON form. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.herdgate.bench.WireSizes}.
 */
public final class WireSizes {

    private WireSizes() {
    }

    public static void main(String[] args) {
        System.out.println("behaviour   batch  frames/batch  binary B/sample  serial B/sample  JSON B/sample  JSON/binary");
        for (Behaviour behaviour : new Behaviour[] {Behaviour.LYING, Behaviour.RUMINATING, Behaviour.GRAZING,
                Behaviour.WALKING}) {
            for (int seconds : new int[] {10, 60}) {
                CollarTraffic t = CollarTraffic.of(60, seconds, behaviour, true, 42);
                double samples = 60.0 * t.samplesPerBatch;
                double binary = CollarTraffic.totalBytes(t.frames) / samples;
                double serial = CollarTraffic.totalBytes(t.lines) / samples;
                double json = CollarTraffic.totalBytes(t.json) / samples;
                System.out.printf("%-10s  %3d s  %12d  %15.2f  %15.2f  %13.2f  %10.1fx%n", behaviour, seconds,
                        t.framesPerBatch, binary, serial, json, json / binary);
            }
        }
    }
}
