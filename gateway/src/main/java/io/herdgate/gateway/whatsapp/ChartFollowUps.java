package io.herdgate.gateway.whatsapp;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.store.AlarmId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The worker that sends critical alarms' charts after their messages, on a daemon thread of its own
 * ({@code whatsapp-charts}), so that drawing, encoding and uploading a chart never holds up the outbox's
 * delivery workers. One chart per alarm and recipient: a repeat of the same alarm to the same number gets
 * none. At most {@link #QUEUE} charts wait; beyond that a chart is dropped with a warning (the alarm's
 * message is out already). Charts are not durable: a chart waiting when the gateway stops is not sent.
 * Thread-safe.
 */
final class ChartFollowUps implements AutoCloseable {

    /** Charts waiting to be drawn and sent, at most. */
    static final int QUEUE = 64;
    /** How long {@link #close()} waits for a chart being sent. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** (alarm, recipient) pairs remembered as charted, at most; older ones are forgotten. */
    private static final int REMEMBERED = 1024;

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "whatsapp-charts");
                t.setDaemon(true);
                return t;
            });
    private final Map<Charted, Boolean> charted = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Charted, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Charted(AlarmId alarm, PhoneNumber to) {
    }

    /**
     * Runs {@code send} on the worker unless the chart of {@code alarm} went to {@code to} before.
     *
     * @return false when it was charted before or the queue is full
     */
    boolean submit(AlarmId alarm, PhoneNumber to, Runnable send) {
        synchronized (charted) {
            if (charted.putIfAbsent(new Charted(alarm, to), Boolean.TRUE) != null) {
                return false;
            }
        }
        try {
            worker.execute(() -> {
                try {
                    send.run();
                } catch (RuntimeException e) {
                    Logger.error(e, "WhatsApp chart of alarm {} not sent", alarm);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (charted) {
                charted.remove(new Charted(alarm, to));
            }
            Logger.warn("WhatsApp chart of alarm {} dropped: {} charts are waiting already", alarm, QUEUE);
            return false;
        }
    }

    /**
     * Stops the worker: waiting charts are dropped, one being sent is interrupted and given
     * {@link #STOP_GRACE} to end (it may be reading the database, which closes after this).
     */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                Logger.warn("WhatsApp chart worker still busy after {}; left behind", STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
