package io.herdgate.gateway.ingest;

import io.herdgate.protocol.codec.FrameOptions;
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
import io.herdgate.protocol.json.MessageJson;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.Downlink;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The way a frame travels inside the gateway: join requests are checked and granted; every other frame
 * goes through its collar's session (structure, MIC, counter, decryption), and what it carries becomes
 * per-minute {@link Observation}s for the detection engine. Bad frames are counted by reason and dropped;
 * nothing is thrown for bad bytes.
 *
 * <p>Pairings are read from the {@link CollarDirectory} on every frame, so a collar unpaired while the
 * gateway runs is refused from its next frame on, and a collar moved to another cow feeds that cow from
 * its next frame on.
 *
 * <p>Sessions outlive the pipeline through its {@link SessionStore}: each granted join is saved before its
 * accept is sent, and a pipeline built over the same store resumes the sessions of collars still paired
 * with the root key they joined under, so collars go on sending after a gateway restart without joining
 * again (their counters come back from the {@link CounterStore}, so replays stay refused). Sessions of
 * collars unpaired or re-keyed in the meantime are removed from the store.
 *
 * <p>One ingest thread feeds it (links queue in front); {@link #send} may be called from another thread
 * (the firmware-update service): both are serialised on the pipeline, and the listeners are called with
 * that lock held, so they must never wait for a thread that may itself call into the pipeline.
 */
public final class FramePipeline {

    /** Downlinks in a session go out with their payload encrypted. */
    private static final FrameOptions ENCRYPTED = FrameOptions.of(true, false, false);

    private final CollarDirectory directory;
    private final JoinServer joins;
    private final CounterStore counters;
    private final CollarConfig collarConfig;
    private final BehaviourClassifier classifier;
    private final DownlinkSender downlinks;
    private final Consumer<Observation> observations;
    private final Consumer<CollarSighting> sightings;
    private final FirmwareReplies firmwareReplies;
    private final SessionStore sessions;
    private final PostureStore postures;
    /** Posture references as last loaded or saved, for cows whose stream starts (again). */
    private final Map<CowId, PostureReference> savedPostures;

    private final RejectionCounters rejections = RejectionCounters.create();
    private final StreamCounters streams = new StreamCounters();
    private final Map<CollarEui, CollarState> collars = new HashMap<>();
    /** Collars heard through JSON uplinks: their sample stream and last battery, per cow. */
    private final Map<CollarEui, TrustedFeed> trusted = new HashMap<>();
    private long accepted;

    private FramePipeline(Builder b) {
        directory = b.directory;
        joins = b.joins;
        counters = b.counters;
        collarConfig = b.collarConfig;
        classifier = b.classifier;
        downlinks = b.downlinks;
        observations = b.observations;
        sightings = b.sightings;
        firmwareReplies = b.firmwareReplies;
        sessions = b.sessions;
        postures = b.postures;
        savedPostures = new HashMap<>(postures.loadAll());
        restoreSessions();
    }

    /** Resumes the saved sessions of collars still paired with the key they joined under; forgets the others. */
    private void restoreSessions() {
        for (SavedSession saved : sessions.loadAll()) {
            CollarEui eui = saved.eui();
            Optional<Pairing> pairing = directory.pairing(eui);
            if (pairing.isPresent() && saved.grantedUnder(pairing.get().rootKey())) {
                collars.put(eui, new CollarState(pairing.get(), saved.acceptFrame(),
                        CollarSession.gatewaySide(eui, saved.keys(), counters),
                        dating(pairing.get().cow())));
            } else {
                sessions.remove(eui);
            }
        }
    }

    public static Builder builder(CollarDirectory directory, JoinServer joins, CounterStore counters) {
        return new Builder(directory, joins, counters);
    }

    /** Handles one frame; never throws for bad bytes. */
    public synchronized IngestResult accept(InboundFrame frame) {
        byte[] b = frame.bytes();
        Optional<Rejected> malformed = FrameParser.check(b, 0, b.length);
        if (malformed.isPresent()) {
            return drop(malformed.get());
        }
        if (FrameParser.header(b, 0).type() == MessageType.JOIN_REQUEST) {
            return join(frame);
        }
        CollarEui eui = CollarEui.of(FrameParser.euiValue(b, 0));
        CollarState collar = collars.get(eui);
        if (collar == null) {
            rejections.record(RejectReason.UNKNOWN_COLLAR);
            return new IngestResult.Dropped(RejectReason.UNKNOWN_COLLAR,
                    "collar " + eui + " has not joined" + (directory.pairing(eui).isEmpty() ? " and is not paired" : ""));
        }
        Optional<Pairing> pairing = directory.pairing(eui);
        // The same pairing as last time (the usual case) needs no comparison of keys and cows.
        if (pairing.isEmpty() || pairing.get() != collar.pairing) {
            if (pairing.isEmpty() || !pairing.get().rootKey().equals(collar.pairing.rootKey())) {
                // Unpaired, or registered again with another key, since it joined: its session ends here.
                collars.remove(eui);
                sessions.remove(eui);
                rejections.record(RejectReason.UNKNOWN_COLLAR);
                return new IngestResult.Dropped(RejectReason.UNKNOWN_COLLAR, "collar " + eui
                        + (pairing.isEmpty() ? " was unpaired" : " got a new root key") + " since it joined");
            }
            if (!pairing.get().cow().equals(collar.pairing.cow())) {
                collar.moveTo(pairing.get(), dating(pairing.get().cow()));
            } else {
                collar.pairing = pairing.get();
            }
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
        OptionalInt battery = OptionalInt.empty();
        Optional<FirmwareVersion> firmware = Optional.empty();
        long counter = d.header().counter();
        if (d.message().type() != MessageType.SAMPLE_BATCH) {
            collar.samples.counted(counter, frame.receivedAt());
        }
        switch (d.message().type()) {
            case SAMPLE_BATCH -> streams.record(collar.samples.add((SampleBatch) d.message(), counter,
                    frame.receivedAt(), o -> observations.accept(collar.withBattery(o))));
            case STATUS -> {
                CollarStatus status = (CollarStatus) d.message();
                collar.batteryMv = status.batteryMv();
                battery = OptionalInt.of(status.batteryMv());
                firmware = Optional.of(status.firmware());
            }
            case FIRMWARE_REPLY -> firmwareReplies.onReply(eui, (FirmwareReply) d.message());
            default -> {
                // Activity summaries and events are consumed by later stages.
            }
        }
        sightings.accept(CollarSighting.of(eui, frame.receivedAt(), frame.rssiDbm(), battery, firmware));
        return new IngestResult.Accepted(eui, d.message().type(), d.header().counter());
    }

    /**
     * Handles one JSON uplink (PROTOCOL.md sections 11 and 12) from a paired collar: a sample batch,
     * activity summary, status or event that carries no MIC and no counter, trusted because the broker
     * lets only authorised users publish it. Its samples join the collar's stream like a frame's;
     * nothing is thrown for bad input.
     */
    public synchronized IngestResult acceptJson(CollarEui eui, Message message, Instant receivedAt) {
        if (!MessageJson.JSON_UPLINK_TYPES.contains(message.type())) {
            rejections.record(RejectReason.BAD_PAYLOAD);
            return new IngestResult.Dropped(RejectReason.BAD_PAYLOAD, "collar " + eui + ": "
                    + MessageJson.typeName(message.type()) + " cannot be sent as JSON");
        }
        Optional<Pairing> pairing = directory.pairing(eui);
        if (pairing.isEmpty()) {
            rejections.record(RejectReason.UNKNOWN_COLLAR);
            return new IngestResult.Dropped(RejectReason.UNKNOWN_COLLAR, "JSON uplink from collar " + eui
                    + ", which is not paired");
        }
        TrustedFeed feed = trusted.get(eui);
        if (feed == null || !feed.cow.equals(pairing.get().cow())) {
            feed = new TrustedFeed(pairing.get().cow(), dating(pairing.get().cow()));
            trusted.put(eui, feed);
        }
        accepted++;
        OptionalInt battery = OptionalInt.empty();
        Optional<FirmwareVersion> firmware = Optional.empty();
        TrustedFeed f = feed;
        switch (message.type()) {
            case SAMPLE_BATCH -> streams.record(f.samples.add((SampleBatch) message, receivedAt,
                    o -> observations.accept(Double.isNaN(f.batteryMv) ? o : o.withBatteryMv(f.batteryMv))));
            case STATUS -> {
                CollarStatus status = (CollarStatus) message;
                f.batteryMv = status.batteryMv();
                battery = OptionalInt.of(status.batteryMv());
                firmware = Optional.of(status.firmware());
            }
            default -> {
                // Activity summaries and events are consumed by later stages.
            }
        }
        sightings.accept(CollarSighting.of(eui, receivedAt, OptionalInt.empty(), battery, firmware));
        return new IngestResult.Trusted(eui, message.type());
    }

    /**
     * Sends {@code message} to the collar in its current session, encrypted, through the downlink sender.
     *
     * @return false if the collar has no session (it never joined, or it was unpaired): nothing was sent
     */
    public synchronized boolean send(CollarEui eui, Downlink message) {
        CollarState collar = collars.get(eui);
        if (collar == null || directory.pairing(eui).isEmpty()) {
            return false;
        }
        downlinks.send(eui, collar.session.encode(message, ENCRYPTED));
        return true;
    }

    private IngestResult join(InboundFrame frame) {
        byte[] b = frame.bytes();
        DecodeResult r = joins.decodeRequest(b, 0, b.length);
        if (r instanceof Rejected rejected) {
            return drop(rejected);
        }
        Decoded d = (Decoded) r;
        CollarEui eui = d.header().eui();
        if (d.freshness() == Freshness.DUPLICATE) {
            // The accept was lost on air: send the same grant again rather than a new one. Not once the
            // session carried an uplink: the collar had the accept, and repeating its request means it
            // was reset; it must join afresh with a new nonce, its counters could not go on.
            CollarState known = collars.get(eui);
            if (known != null && known.session.lastReceived().isEmpty()) {
                downlinks.send(eui, known.acceptFrame);
            }
            return new IngestResult.Duplicate(eui, d.header().counter());
        }
        Optional<Pairing> admitted = directory.admit(eui, frame.receivedAt());
        if (admitted.isEmpty()) {
            // Its key is known (pairing mode) but no cow is waiting for it: it will ask again.
            rejections.record(RejectReason.UNKNOWN_COLLAR);
            return new IngestResult.Dropped(RejectReason.UNKNOWN_COLLAR, "collar " + eui + " asked to join but is "
                    + "on no cow; pair it with a cow and it joins on its next request");
        }
        Pairing pairing = admitted.get();
        JoinRequest request = (JoinRequest) d.message();
        JoinGrant grant = joins.accept(eui, request, collarConfig);
        CollarState previous = collars.get(eui);
        boolean sameCow = previous != null && previous.pairing.cow().equals(pairing.cow());
        SampleDating samples;
        if (sameCow) {
            samples = previous.samples;
            samples.newSession(); // a collar that joins again was reset: its sampling starts anew
        } else {
            samples = dating(pairing.cow());
        }
        CollarState state = new CollarState(pairing, grant.frame(), CollarSession.gatewaySide(eui, grant.keys(), counters),
                samples);
        // Saved before the accept goes out: a collar must never use a session the gateway could forget.
        sessions.save(SavedSession.of(grant, pairing.rootKey()));
        collars.put(eui, state);
        downlinks.send(eui, grant.frame());
        sightings.accept(CollarSighting.of(eui, frame.receivedAt(), frame.rssiDbm(), OptionalInt.empty(),
                Optional.of(request.firmware())));
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

    /**
     * Sample batches so far by what they did to their collar's stream: continued it, or started a new
     * one and why ({@link Continuity}, names in lower case); immutable.
     */
    public Map<String, Long> sampleStreams() {
        return streams.snapshot();
    }

    /** Fresh frames used so far. */
    public synchronized long accepted() {
        return accepted;
    }

    /** A new sample stream of {@code cow}, starting from her saved posture reference if she has one. */
    private SampleDating dating(CowId cow) {
        return new SampleDating(cow, classifier, savedPostures.getOrDefault(cow, PostureReference.EMPTY));
    }

    /**
     * Saves every streaming cow's posture reference to the {@link PostureStore} (the gateway does it with
     * each detector checkpoint and at stop).
     *
     * @throws io.herdgate.gateway.store.StoreException when the store fails (the references stay in memory)
     */
    public void savePostures() {
        // Written outside the pipeline's lock: the ingest thread need not wait for the database.
        postures.saveAll(currentPostures());
    }

    private synchronized Map<CowId, PostureReference> currentPostures() {
        Map<CowId, PostureReference> now = new HashMap<>();
        collars.values().forEach(c -> now.put(c.pairing.cow(), c.samples.posture()));
        trusted.values().forEach(f -> now.put(f.cow, f.samples.posture()));
        now.values().removeIf(PostureReference.EMPTY::equals);
        savedPostures.putAll(now);
        return Map.copyOf(now);
    }

    /** Collars with a session (joined since start, or resumed from the session store). */
    public synchronized int joinedCollars() {
        return collars.size();
    }

    /** A collar's JSON uplinks: the cow they were for, her sample stream, the last battery reading. */
    private static final class TrustedFeed {
        final CowId cow;
        final SampleDating samples;
        double batteryMv = Double.NaN;

        TrustedFeed(CowId cow, SampleDating samples) {
            this.cow = cow;
            this.samples = samples;
        }
    }

    /**
     * Per-collar ingest state: its pairing, the session of its current join and that join's accept frame,
     * its sample stream, its last battery.
     */
    private static final class CollarState {
        final byte[] acceptFrame;
        final CollarSession session;
        Pairing pairing;
        SampleDating samples;
        double batteryMv = Double.NaN;

        CollarState(Pairing pairing, byte[] acceptFrame, CollarSession session, SampleDating samples) {
            this.pairing = pairing;
            this.acceptFrame = acceptFrame;
            this.session = session;
            this.samples = samples;
        }

        /** The collar now sits on another cow: her minutes start afresh, never mixed with the last cow's. */
        void moveTo(Pairing p, SampleDating cowSamples) {
            pairing = p;
            samples = cowSamples;
            batteryMv = Double.NaN;
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
        private Consumer<CollarSighting> sightings = s -> { };
        private FirmwareReplies firmwareReplies = (eui, reply) -> { };
        private SessionStore sessions = SessionStore.inMemory();
        private PostureStore postures = PostureStore.inMemory();

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

        /** Told of every accepted frame and join: the collar registry keeps last seen, battery, RSSI. */
        public Builder sightings(Consumer<CollarSighting> s) {
            sightings = Objects.requireNonNull(s, "sightings");
            return this;
        }

        /** Where fresh firmware replies go (the firmware-update service). */
        public Builder firmwareReplies(FirmwareReplies f) {
            firmwareReplies = Objects.requireNonNull(f, "firmwareReplies");
            return this;
        }

        /**
         * Where sessions are saved at each join and resumed from at {@link #build()}; default
         * {@link SessionStore#inMemory()}, a fresh one per builder, so sessions end with the pipeline.
         */
        public Builder sessions(SessionStore s) {
            sessions = Objects.requireNonNull(s, "sessions");
            return this;
        }

        /**
         * Where cows' posture references are loaded from at {@link #build()} and saved to by
         * {@link FramePipeline#savePostures()}; default {@link PostureStore#inMemory()}, a fresh one per builder.
         */
        public Builder postures(PostureStore p) {
            postures = Objects.requireNonNull(p, "postures");
            return this;
        }

        /** The pipeline, with the sessions of the session store resumed (see the class comment). */
        public FramePipeline build() {
            return new FramePipeline(this);
        }
    }
}
