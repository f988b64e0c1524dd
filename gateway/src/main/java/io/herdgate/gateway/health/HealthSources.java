package io.herdgate.gateway.health;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where the health report's numbers come from: suppliers the runtime wires to the links, the collar
 * directory, the pipeline's counters, the alarm log and the outbox. Each is called once per
 * {@code /health} or {@code /metrics} request, from an HTTP thread, so each must be thread-safe and
 * cheap. Unset sources report nothing (no links, zero counts).
 *
 * <pre>{@code
 * HealthSources sources = HealthSources.builder()
 *         .started(runtime::started)
 *         .links(() -> List.of(LinkStatus.of("serial", LinkState.UP)))
 *         .frames(() -> FrameCounts.of(pipeline.received(), pipeline.rejectedByReason()))
 *         .outboxPending(outbox::pending)
 *         .build();
 * }</pre>
 *
 * @param outboxBacklogLimit pending notifications above which health is degraded, 1–1,000,000
 */
public record HealthSources(BooleanSupplier started, Supplier<List<LinkStatus>> links,
                            Supplier<CollarCounts> collars, Supplier<FrameCounts> frames,
                            LongSupplier activeAlarms, LongSupplier outboxPending, int outboxBacklogLimit,
                            Supplier<List<String>> problems) {

    /** A backlog of 50 undelivered messages means the farmer is not getting alarms; say so. */
    public static final int DEFAULT_OUTBOX_BACKLOG_LIMIT = 50;

    public HealthSources {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(collars, "collars");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(activeAlarms, "activeAlarms");
        Objects.requireNonNull(outboxPending, "outboxPending");
        Objects.requireNonNull(problems, "problems");
        if (outboxBacklogLimit < 1 || outboxBacklogLimit > 1_000_000) {
            throw new IllegalArgumentException("health.outbox_backlog_limit must be 1-1000000: " + outboxBacklogLimit);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link HealthSources}; every source is optional. */
    public static final class Builder {
        private BooleanSupplier started = () -> true;
        private Supplier<List<LinkStatus>> links = List::of;
        private Supplier<CollarCounts> collars = () -> CollarCounts.NONE;
        private Supplier<FrameCounts> frames = () -> FrameCounts.NONE;
        private LongSupplier activeAlarms = () -> 0;
        private LongSupplier outboxPending = () -> 0;
        private int outboxBacklogLimit = DEFAULT_OUTBOX_BACKLOG_LIMIT;
        private Supplier<List<String>> problems = List::of;

        private Builder() {
        }

        /** False while the gateway is still starting up (status {@code starting}). Default: always true. */
        public Builder started(BooleanSupplier s) {
            started = s;
            return this;
        }

        public Builder links(Supplier<List<LinkStatus>> s) {
            links = s;
            return this;
        }

        public Builder collars(Supplier<CollarCounts> s) {
            collars = s;
            return this;
        }

        public Builder frames(Supplier<FrameCounts> s) {
            frames = s;
            return this;
        }

        public Builder activeAlarms(LongSupplier s) {
            activeAlarms = s;
            return this;
        }

        public Builder outboxPending(LongSupplier s) {
            outboxPending = s;
            return this;
        }

        public Builder outboxBacklogLimit(int limit) {
            outboxBacklogLimit = limit;
            return this;
        }

        /** Further reasons the gateway is degraded, one line each (e.g. "whatsapp channel down"). */
        public Builder problems(Supplier<List<String>> s) {
            problems = s;
            return this;
        }

        public HealthSources build() {
            return new HealthSources(started, links, collars, frames, activeAlarms, outboxPending,
                    outboxBacklogLimit, problems);
        }
    }
}
