package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.FrameParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.tinylog.Logger;

/**
 * The bounded hand-off between the links and the {@link FramePipeline}, and the one thread that feeds
 * the pipeline. Links put frames in; when {@code capacity} frames are waiting (besides at most
 * {@value #BATCH} the ingest thread has taken off to handle in a row), a link waits until there is room
 * (the serial reader stops reading, MQTT stops acknowledging, so the broker holds the rest).
 * Nothing is dropped here and nothing is queued without bound. The pipeline's downlinks go out through
 * the {@link Downlinks} given, to the link each collar was last heard on.
 */
public final class Ingest implements AutoCloseable {

    /** Default capacity: a few seconds of a 1000-collar herd at one frame per 4 s each. */
    public static final int DEFAULT_CAPACITY = 1024;
    /** Most uplinks the ingest thread takes off the hand-off at once. */
    static final int BATCH = 64;

    private final BlockingQueue<Arrival> queue;
    private final int capacity;
    private final IngestHandler handler;
    private final Downlinks downlinks;
    private final BiConsumer<LinkId, IngestResult> listener;
    private final Runnable stepAside;
    private final Thread consumer;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong fullWaits = new AtomicLong();
    private volatile boolean closing;

    private Ingest(IngestHandler handler, Downlinks downlinks, int capacity, BiConsumer<LinkId, IngestResult> listener,
                   Runnable stepAside) {
        if (capacity < 1 || capacity > 1_000_000) {
            throw new IllegalArgumentException("ingest capacity must be 1..1000000 frames, got " + capacity);
        }
        this.handler = Objects.requireNonNull(handler, "handler");
        this.downlinks = Objects.requireNonNull(downlinks, "downlinks");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stepAside = Objects.requireNonNull(stepAside, "stepAside");
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = new Thread(this::run, "herdgate-ingest");
        consumer.setDaemon(true);
    }

    /**
     * Starts the ingest thread. {@code pipeline} must send its downlinks through {@code downlinks} and must
     * not be used by any other thread from now on; {@code listener} hears every result on that thread
     * (keep it quick).
     */
    public static Ingest start(FramePipeline pipeline, Downlinks downlinks, int capacity,
                               BiConsumer<LinkId, IngestResult> listener) {
        return start(IngestHandler.of(pipeline), downlinks, capacity, listener);
    }

    /**
     * As {@link #start(FramePipeline, Downlinks, int, BiConsumer)} for a runtime that wraps the pipeline
     * (e.g. runs it on its own engine thread): {@code handler} is called on the ingest thread, one uplink
     * at a time, and returns what the pipeline made of it.
     */
    public static Ingest start(IngestHandler handler, Downlinks downlinks, int capacity,
                               BiConsumer<LinkId, IngestResult> listener) {
        return start(handler, downlinks, capacity, listener, () -> { });
    }

    /**
     * As {@link #start(IngestHandler, Downlinks, int, BiConsumer)}; {@code stepAside} is run on the ingest thread
     * before each uplink and may hold it briefly (bounded) so that more urgent work gets the cores, e.g. critical
     * alarms on their way out. Nothing is lost meanwhile: the hand-off is bounded and the links wait.
     */
    public static Ingest start(IngestHandler handler, Downlinks downlinks, int capacity,
                               BiConsumer<LinkId, IngestResult> listener, Runnable stepAside) {
        Ingest ingest = new Ingest(handler, downlinks, capacity, listener, stepAside);
        ingest.consumer.start();
        return ingest;
    }

    /** {@link #start} with {@link #DEFAULT_CAPACITY} and no listener. */
    public static Ingest start(FramePipeline pipeline, Downlinks downlinks) {
        return start(pipeline, downlinks, DEFAULT_CAPACITY, (link, result) -> { });
    }

    public IngestStats stats() {
        return new IngestStats(queue.size(), capacity, handled.get(), accepted.get(), duplicates.get(), dropped.get(),
                failed.get(), fullWaits.get());
    }

    /** The router the pipeline's downlinks take. */
    public Downlinks downlinks() {
        return downlinks;
    }

    /**
     * Hands a frame to the pipeline, waiting while the hand-off is full.
     *
     * @return true if it had to wait (the caller counts back-pressure per link)
     * @throws InterruptedException when the waiting link is being closed, or the ingest is (then the frame
     *                              is not taken; MQTT leaves it unacknowledged for the next start)
     */
    boolean put(Arrival a) throws InterruptedException {
        if (closing) {
            throw new InterruptedException("ingest closed; uplink from link " + a.link() + " not taken");
        }
        if (queue.offer(a)) {
            return false;
        }
        fullWaits.incrementAndGet();
        queue.put(a);
        return true;
    }

    /** Stops after handling what is already queued (at most a few seconds' worth). */
    @Override
    public void close() {
        closing = true;
        consumer.interrupt();
        try {
            consumer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Arrival> batch = new ArrayList<>(BATCH);
        while (true) {
            Arrival first;
            try {
                first = closing ? queue.poll() : queue.take();
            } catch (InterruptedException e) {
                continue; // closing is set: drain what is left, then stop
            }
            if (first == null) {
                return;
            }
            handle(first);
            // What queued meanwhile is taken in one go: one lock, and one wake-up of a link waiting for
            // room, per batch instead of per frame (the MQTT link waits on a full hand-off under load).
            queue.drainTo(batch, BATCH);
            for (Arrival a : batch) {
                handle(a);
            }
            batch.clear();
        }
    }

    private void handle(Arrival a) {
        stepAside.run();
        try {
            IngestResult r = a instanceof Arrival.Frame f ? frame(f)
                    : json((Arrival.Json) a);
            if (r instanceof IngestResult.Accepted || r instanceof IngestResult.Joined
                    || r instanceof IngestResult.Trusted) {
                accepted.incrementAndGet();
            } else if (r instanceof IngestResult.Duplicate) {
                duplicates.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
            listener.accept(a.link(), r);
        } catch (RuntimeException e) {
            // A bug on one uplink must not stop the gateway; it is logged and the next one handled.
            failed.incrementAndGet();
            Logger.error(e, "pipeline failed on an uplink from link {}", a.link());
        }
        // Not in a finally: an Error (which stops this thread) must not acknowledge an uplink it never
        // handled; unacknowledged, the broker delivers it again after the restart.
        handled.incrementAndGet();
        a.onHandled().run();
    }

    private IngestResult frame(Arrival.Frame a) {
        byte[] b = a.frame().bytes();
        CollarEui eui = b.length >= FrameLayout.MIN_FRAME ? CollarEui.of(FrameParser.euiValue(b, 0)) : null;
        // The route is set before the pipeline runs (a join accept goes out from inside it) and taken back
        // if the frame proves not authentic, so a forged EUI cannot divert a collar's downlinks.
        Optional<LinkId> before = eui == null ? Optional.empty() : downlinks.heard(eui, a.link());
        IngestResult r;
        try {
            r = handler.frame(a.frame());
        } catch (RuntimeException e) {
            if (eui != null) {
                downlinks.restore(eui, before);
            }
            throw e;
        }
        if (r instanceof IngestResult.Dropped && eui != null) {
            downlinks.restore(eui, before);
        }
        return r;
    }

    private IngestResult json(Arrival.Json a) {
        // JSON uplinks come from systems without a session with this gateway: no downlink route is set.
        return handler.json(a.eui(), a.message(), a.receivedAt());
    }
}
