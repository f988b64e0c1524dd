package io.herdgate.gateway.runtime;

import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.gateway.schedule.ClockJumpGuard;
import io.herdgate.gateway.store.FeatureHistory;
import io.herdgate.rules.detect.DetectionEngine;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The one thread that owns the frame pipeline, the detection engine and the feature-history buffer
 * (none of them is thread-safe). Links hand frames over through a bounded queue; other threads run work
 * on the engine through {@link #onEngine}. Before every frame the thread checks its own
 * {@link ClockJumpGuard}, so a step of the wall clock is known before any frame dated after it is used.
 */
final class Ingest implements AutoCloseable {

    /** Frames waiting beyond this are refused and counted: 40 s of 250 collars at one frame per 10 s. */
    static final int QUEUE_FRAMES = 1_000;

    private final FramePipeline pipeline;
    private final DetectionEngine engine;
    private final FeatureHistory history;
    private final ClockJumpGuard guard;
    private final ThreadPoolExecutor thread;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong observations = new AtomicLong();
    private volatile int joined;
    private volatile int cows;

    Ingest(FramePipeline pipeline, DetectionEngine engine, FeatureHistory history, ClockJumpGuard guard) {
        this.pipeline = pipeline;
        this.engine = engine;
        this.history = history;
        this.guard = guard;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_FRAMES), r -> {
            Thread t = new Thread(r, "ingest");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a frame; false (and counted as rejected) when the queue is full or ingest has stopped. */
    boolean submit(InboundFrame frame) {
        try {
            thread.execute(() -> handle(frame));
            return true;
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            return false;
        }
    }

    private void handle(InboundFrame frame) {
        guard.check();
        IngestResult r = pipeline.accept(frame);
        if (r instanceof IngestResult.Accepted) {
            accepted.incrementAndGet();
        } else if (r instanceof IngestResult.Dropped d) {
            rejected.incrementAndGet();
            Logger.debug("frame dropped: {}", d.detail());
        } else if (r instanceof IngestResult.Joined j) {
            joined = pipeline.joinedCollars();
            Logger.info("collar {} joined", j.eui());
        }
    }

    /** Called by the pipeline on the ingest thread for every per-minute observation. */
    void observed() {
        observations.incrementAndGet();
    }

    /** Runs {@code work} on the ingest thread, after the frames queued before it; waits at most 30 s. */
    <T> T onEngine(Supplier<T> work) {
        CompletableFuture<T> f = CompletableFuture.supplyAsync(work, thread);
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the ingest thread", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the ingest thread did not answer within 30 s", e);
        }
    }

    /** {@link DetectionEngine#tick()} after checking the clock, on the ingest thread. */
    void tick() {
        onEngine(() -> {
            guard.check();
            engine.tick();
            cows = engine.cows().size();
            history.flushIfDue();
            return null;
        });
    }

    long accepted() {
        return accepted.get();
    }

    long rejected() {
        return rejected.get();
    }

    long observations() {
        return observations.get();
    }

    int joined() {
        return joined;
    }

    /** Cows with detector state, as of the last tick. */
    int cows() {
        return cows;
    }

    void cows(int n) {
        cows = n;
    }

    /** Stops taking frames and finishes the queued ones (at most {@code wait}). */
    void drain(Duration wait) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                Logger.warn("ingest: {} queued frames not handled at stop", thread.getQueue().size());
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(10));
    }
}
