package io.herdgate.gateway.flash;

import io.herdgate.gateway.ingest.FirmwareReplies;
import io.herdgate.protocol.firmware.FirmwareUpdater;
import io.herdgate.protocol.firmware.ProgressStore;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.UpdateOutcome;
import io.herdgate.protocol.firmware.UpdatePhase;
import io.herdgate.protocol.firmware.UpdateProgress;
import io.herdgate.protocol.firmware.ImageFileException;
import io.herdgate.protocol.firmware.SignedImageFile;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs firmware updates of collars, one at a time per collar, each on its own thread: the updater's
 * commands go out through {@link SessionDownlinks} (the collar's current session, so a collar that joins
 * again after its test boot is reached in its new session), and the pipeline hands the collar's replies
 * to {@link #onReply}. Progress is saved in the {@link ProgressStore}; starting the same image again after
 * an interruption (lost link, gateway restart, collar reset) resumes it, the collar saying which byte it
 * needs next. Finished updates stay visible through {@link #status} until the next one for that collar.
 * Thread-safe.
 */
public final class FlashService implements FirmwareReplies, AutoCloseable {

    /** Longest wait for a reply between two timeout checks. */
    static final Duration TICK = Duration.ofMillis(50);

    private final SessionDownlinks downlinks;
    private final ProgressStore store;
    private final Clock clock;
    private final FlashSettings settings;
    private final Map<CollarEui, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "firmware-update");
        t.setDaemon(true);
        return t;
    });

    private FlashService(SessionDownlinks downlinks, ProgressStore store, Clock clock, FlashSettings settings) {
        this.downlinks = downlinks;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    /** Reply timeouts are read from {@code clock}. */
    public static FlashService of(SessionDownlinks downlinks, ProgressStore store, Clock clock, FlashSettings settings) {
        return new FlashService(Objects.requireNonNull(downlinks, "downlinks"), Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(settings, "settings"));
    }

    /**
     * Reads a release file ({@code .hgfw}) received from the installer and checks it as a collar will:
     * layout, vendor signature, image hash.
     *
     * @throws ImageFileException saying what is wrong with it
     */
    public SignedImage check(byte[] releaseFile) throws ImageFileException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("herdgate-", ".hgfw");
            Files.write(tmp, releaseFile);
            return SignedImageFile.read(tmp, settings.vendorKey());
        } catch (ImageFileException e) {
            // Name the upload, not the temporary file it was staged in.
            String problem = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
            throw new ImageFileException(Path.of("firmware image"), problem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the firmware file", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray temp file of a public image harms nothing
            }
        }
    }

    /**
     * Starts sending {@code image} to the collar, or resumes a saved update of it. The image must already
     * be checked against the vendor key ({@link #check}); the collar checks it again.
     */
    public synchronized FlashStart start(CollarEui eui, SignedImage image) {
        Job running = jobs.get(eui);
        if (running != null && !running.status.done()) {
            return running.image.image().equals(image.image()) ? new FlashStart.AlreadyRunning(running.status)
                    : new FlashStart.Busy(eui, running.image.image());
        }
        Optional<UpdateProgress> saved = store.load(eui, image.image());
        Job job = new Job(eui, image, saved.map(UpdateProgress::ackedBytes).orElse(0L));
        job.updater.start(); // on this thread: an unreachable collar is told at once
        if (job.unreachable) {
            if (saved.isEmpty()) {
                store.remove(eui, image.image());
            }
            return new FlashStart.Unreachable(eui, "collar " + eui + " is on no cow or has not joined since the "
                    + "gateway started; check it is paired, switched on and in range");
        }
        jobs.put(eui, job);
        threads.execute(job::run);
        return new FlashStart.Started(job.status);
    }

    /** The collar's current or last update since the gateway started. */
    public Optional<FlashStatus> status(CollarEui eui) {
        return Optional.ofNullable(jobs.get(eui)).map(j -> j.status);
    }

    /** Hands a collar's firmware reply to its update; replies for collars not being updated are dropped. */
    @Override
    public void onReply(CollarEui eui, FirmwareReply reply) {
        Job job = jobs.get(eui);
        if (job != null) {
            job.replies.offer(reply);
        }
    }

    /** Stops every running update; each keeps its saved progress for a resume. */
    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One update: its updater, driven only by its own thread once started. */
    private final class Job {
        final CollarEui eui;
        final SignedImage image;
        final long resumedFrom;
        final BlockingQueue<FirmwareReply> replies = new LinkedBlockingQueue<>();
        final FirmwareUpdater updater;
        volatile FlashStatus status;
        boolean sentOnce;
        boolean unreachable;

        Job(CollarEui eui, SignedImage image, long resumedFrom) {
            this.eui = eui;
            this.image = image;
            this.resumedFrom = resumedFrom;
            this.status = FlashStatus.of(UpdateProgress.of(eui, image.image(), UpdatePhase.BEGIN, 0, image.size()),
                    image.manifest().version(), resumedFrom, Optional.empty());
            this.updater = FirmwareUpdater.of(eui, image, command -> {
                if (downlinks.send(eui, command)) {
                    sentOnce = true;
                } else if (!sentOnce) {
                    unreachable = true;
                    throw new IOException("collar " + eui + " cannot be reached");
                }
                // Later gaps (the collar rejoining after its test boot) are bridged by the reply timeout.
            }, store, clock, settings.update(), p -> status = FlashStatus.of(p, status.version(), resumedFrom, Optional.empty()));
        }

        void run() {
            try {
                while (!updater.done()) {
                    FirmwareReply r = replies.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
                    if (r != null) {
                        updater.onReply(r);
                    }
                    updater.onTick();
                }
            } catch (InterruptedException e) {
                updater.onLinkLost("the gateway stopped during the update");
            } catch (RuntimeException e) {
                updater.onLinkLost("the update stopped on an internal error: " + e);
            }
            UpdateOutcome outcome = updater.outcome().orElseThrow();
            status = FlashStatus.of(status.progress(), status.version(), resumedFrom, Optional.of(outcome));
        }
    }
}
