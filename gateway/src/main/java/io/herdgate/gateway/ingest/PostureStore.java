package io.herdgate.gateway.ingest;

import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.series.CowId;
import java.util.Map;

/**
 * Where each cow's {@link PostureReference} survives a gateway restart: loaded when the pipeline is built,
 * saved with the detector checkpoint ({@link FramePipeline#savePostures()}). Implementations are safe for
 * use from several threads.
 */
public interface PostureStore {

    /** A store in memory: references last as long as it does (tests, simulations). */
    static PostureStore inMemory() {
        return new MemoryPostureStore();
    }

    /** Every saved reference, by cow; immutable. */
    Map<CowId, PostureReference> loadAll();

    /** Saves these cows' references, replacing what they had; other cows' references stay. */
    void saveAll(Map<CowId, PostureReference> references);
}
