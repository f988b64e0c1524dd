package io.herdgate.protocol.firmware;

/** Told whenever the acknowledged byte count or the phase of an update changes; drives a progress bar. */
@FunctionalInterface
public interface ProgressListener {

    /** Called on the updater's thread; must return quickly. */
    void onProgress(UpdateProgress progress);

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return p -> { };
    }
}
