package io.herdgate.protocol.firmware;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.ImageId;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the progress of unfinished updates across gateway restarts, keyed by collar and image hash.
 * The collar's own next-expected offset stays the truth; the store tells the gateway which updates to
 * resume and which phase each was in. Implementations throw {@link ProgressStoreException} on I/O failure.
 */
public interface ProgressStore {

    /** The saved progress of updating {@code image} on {@code collar}, if any. */
    Optional<UpdateProgress> load(CollarEui collar, ImageId image);

    /** Saves (replaces) the progress of one update. */
    void save(UpdateProgress progress);

    /** Forgets one update (it finished). */
    void remove(CollarEui collar, ImageId image);

    /** Every unfinished update, in no particular order; an immutable list. */
    List<UpdateProgress> all();
}
