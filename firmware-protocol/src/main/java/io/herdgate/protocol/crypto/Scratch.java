package io.herdgate.protocol.crypto;

/**
 * Two growable work buffers per thread, shared by every {@link AesCmac} and {@link AesCtr} the thread
 * uses: a gateway holds one MIC and one CTR per collar, and per-instance buffers (about 1.1 KB each
 * pair) cost more heap than the keys. A caller uses them only within one call and calls no other user
 * meanwhile, so sharing within a thread is safe.
 */
final class Scratch {

    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    private byte[] first = new byte[256];
    private byte[] second = new byte[256];

    private Scratch() {
    }

    /** This thread's buffers, each at least {@code size} bytes long; contents are undefined. */
    static Scratch of(int size) {
        Scratch s = PER_THREAD.get();
        if (s.first.length < size) {
            int n = Math.max(size, 2 * s.first.length);
            s.first = new byte[n];
            s.second = new byte[n];
        }
        return s;
    }

    byte[] first() {
        return first;
    }

    byte[] second() {
        return second;
    }
}
