package io.herdgate.gateway.ingest;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.frame.RejectionCounters;
import io.herdgate.protocol.join.JoinGrant;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.series.Observation;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The way a frame travels inside the gateway: join requests are checked and granted; every other frame
 * goes through its collar's session (structure, MIC, counter, decryption), and what it carries becomes
 * per-minute {@link Observation}s for the detection engine. Bad frames are counted by reason and dropped;
 * nothing is thrown for bad bytes. Not thread-safe: one ingest thread feeds it (links queue in front).
 */
public final class FramePipeline {

    private final CollarDirectory directory;
    private final JoinServer joins;
    private final CounterStore counters;
    private final CollarConfig collarConfig;
    private final BehaviourClassifier classifier;
    private final DownlinkSender downlinks;
    private final Consumer<Observation> observations;
    private final RejectionCounters rejections = RejectionCounters.create();
    private final Map<CollarEui, CollarState> collars = new HashMap<>();
    private long accepted;

    private FramePipeline(Builder b) {
        directory = b.directory;
        joins = b.joins;
        counters = b.counters;
        collarConfig = b.collarConfig;
        classifier = b.classifier;
        downlinks = b.downlinks;
        observations = b.observations;
    }

    public static Builder builder(CollarDirectory directory, JoinServer joins, CounterStore counters) {
        return new Builder(directory, joins, counters);
    }

    /** Handles one frame; never throws for bad bytes. */
    public IngestResult accept(InboundFrame frame) {
        byte[] b = frame.bytes();
        Optional<Rejected> malformed = FrameParser.check(b, 0, b.length);
        if (malformed.isPresent()) {
            return drop(malformed.get());
        }
        if (FrameParser.header(b, 0).type() == MessageType.JOIN_REQUEST) {
            return join(b);
        }
        CollarEui eui = CollarEui.of(FrameParser.euiValue(b, 0));
        CollarState collar = collars.get(eui);
        if (collar == null) {
            rejections.record(RejectReason.UNKNOWN_COLLAR);
            return new IngestResult.Dropped(RejectReason.UNKNOWN_COLLAR,
                    "collar " + eui + " has not joined" + (directory.pairing(eui).isEmpty() ? " and is not paired" : ""));
        }
        DecodeResult r = collar.session.decode(b, 0, b.length);
        if (r instanceof Rejected rejected) {
            return drop(rejected);
        }
        Decoded d = (Decoded) r;
        if (d.freshness() == Freshness.DUPLICATE) {
            return new IngestResult.Duplicate(eui, d.header().counter());
        }
        accepted++;
        switch (d.message().type()) {
            case SAMPLE_BATCH -> collar.samples.add((SampleBatch) d.message(), frame.receivedAt(),
                    o -> observations.accept(collar.withBattery(o)));
            case STATUS -> collar.batteryMv = ((CollarStatus) d.message()).batteryMv();
            default -> {
                // Activity summaries, events and firmware replies are consumed by later stages.
            }
        }
        return new IngestResult.Accepted(eui, d.message().type(), d.header().counter());
    }

    private IngestResult join(byte[] b) {
        DecodeResult r = joins.decodeRequest(b, 0, b.length);
        if (r instanceof Rejected rejected) {
            return drop(rejected);
        }
        Decoded d = (Decoded) r;
        CollarEui eui = d.header().eui();
        if (d.freshness() == Freshness.DUPLICATE) {
            // The accept was lost on air: send the same grant again rather than a new one.
            CollarState known = collars.get(eui);
            if (known != null) {
                downlinks.send(eui, known.grant.frame());
            }
            return new IngestResult.Duplicate(eui, d.header().counter());
        }
        Pairing pairing = directory.pairing(eui).orElseThrow();
        JoinGrant grant = joins.accept(eui, (JoinRequest) d.message(), collarConfig);
        CollarState previous = collars.get(eui);
        CollarState state = new CollarState(grant, CollarSession.gatewaySide(eui, grant.keys(), counters),
                previous != null ? previous.samples : new SampleDating(pairing.cow(), classifier));
        collars.put(eui, state);
        downlinks.send(eui, grant.frame());
        return new IngestResult.Joined(eui);
    }

    private IngestResult drop(Rejected r) {
        rejections.record(r.reason());
        return new IngestResult.Dropped(r.reason(), r.toString());
    }

    /** Frames rejected so far, by reason. */
    public RejectionCounters rejections() {
        return rejections;
    }

    /** Fresh frames used so far. */
    public long accepted() {
        return accepted;
    }

    /** Collars with a session (joined since start). */
    public int joinedCollars() {
        return collars.size();
    }

    /** Per-collar ingest state: the session of its current join, its sample stream, its last battery. */
    private static final class CollarState {
        final JoinGrant grant;
        final CollarSession session;
        final SampleDating samples;
        double batteryMv = Double.NaN;

        CollarState(JoinGrant grant, CollarSession session, SampleDating samples) {
            this.grant = grant;
            this.session = session;
            this.samples = samples;
        }

        Observation withBattery(Observation o) {
            return Double.isNaN(batteryMv) ? o : o.withBatteryMv(batteryMv);
        }
    }

    /** Configures a pipeline. */
    public static final class Builder {
        private final CollarDirectory directory;
        private final JoinServer joins;
        private final CounterStore counters;
        private CollarConfig collarConfig = CollarConfig.defaults();
        private BehaviourClassifier classifier = BehaviourClassifier.shipped();
        private DownlinkSender downlinks = (eui, frame) -> { };
        private Consumer<Observation> observations = o -> { };

        private Builder(CollarDirectory directory, JoinServer joins, CounterStore counters) {
            this.directory = Objects.requireNonNull(directory, "directory");
            this.joins = Objects.requireNonNull(joins, "joins");
            this.counters = Objects.requireNonNull(counters, "counters");
        }

        /** The configuration sent to every collar in its join accept; default {@link CollarConfig#defaults()}. */
        public Builder collarConfig(CollarConfig c) {
            collarConfig = Objects.requireNonNull(c, "collarConfig");
            return this;
        }

        public Builder classifier(BehaviourClassifier c) {
            classifier = Objects.requireNonNull(c, "classifier");
            return this;
        }

        public Builder downlinks(DownlinkSender d) {
            downlinks = Objects.requireNonNull(d, "downlinks");
            return this;
        }

        /** Where per-minute observations go, in event-time order per cow. */
        public Builder observations(Consumer<Observation> o) {
            observations = Objects.requireNonNull(o, "observations");
            return this;
        }

        public FramePipeline build() {
            return new FramePipeline(this);
        }
    }
}
