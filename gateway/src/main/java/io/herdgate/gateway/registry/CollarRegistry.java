package io.herdgate.gateway.registry;

import io.herdgate.gateway.ingest.CollarDirectory;
import io.herdgate.gateway.ingest.CollarSighting;
import io.herdgate.gateway.ingest.Pairing;
import io.herdgate.gateway.store.CollarRecord;
import io.herdgate.gateway.store.CollarUse;
import io.herdgate.gateway.store.Collars;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.PairingHistory;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.rules.series.CowId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gateway's live collar registry: the collars and pairings in the store, served to the frame pipeline
 * as its {@link CollarDirectory}, changed while the gateway runs. A change is written to the database
 * first (durably) and then published, so the pipeline sees it from its next frame and a restart finds it.
 *
 * <p><b>Pairing mode.</b> {@link #openPairing} loads collar labels for a while: a labelled collar that is
 * on no cow may then join, and joining pairs it with the cow on its label or, failing that, the next cow
 * of the list given (the order the installer fits collars in). Outside the mode, only paired collars may
 * join. The mode lives in memory; a restart closes it.
 *
 * <p><b>Health.</b> {@link #seen} keeps battery, RSSI, firmware and last-seen time, written together at
 * most once a {@link #SAVE_HEALTH_EVERY} (a collar's first sighting and a new firmware at once).
 *
 * <p>Thread-safe: readers (the ingest thread) take immutable snapshots without locking; changes are
 * serialised.
 */
public final class CollarRegistry implements CollarDirectory {

    /** Longest pairing mode. */
    public static final Duration MAX_PAIRING_WINDOW = Duration.ofHours(12);
    /** How often a collar's health fields are written at most. */
    public static final Duration SAVE_HEALTH_EVERY = Duration.ofMinutes(5);

    private final Collars collars;
    private final PairingHistory history;
    private final Database db;
    private final Clock clock;

    private volatile Map<CollarEui, Pairing> paired;
    private volatile Map<CollarEui, AesKey> admissible = Map.of();
    private volatile Optional<Instant> openUntil = Optional.empty();

    // Pairing mode, guarded by this.
    private final Map<CollarEui, CollarLabel> pending = new LinkedHashMap<>();
    private final Deque<CowId> cows = new ArrayDeque<>();
    private final List<PairingStatus.Admission> admitted = new ArrayList<>();
    private final Set<CollarEui> noCow = new LinkedHashSet<>();
    // Health, guarded by this.
    private final Map<CollarEui, Instant> healthSavedAt = new HashMap<>();
    private final Map<CollarEui, Optional<FirmwareVersion>> firmwareSaved = new HashMap<>();
    private final Map<CollarEui, Unsaved> unsaved = new HashMap<>();
    private Instant healthFlushedAt;
    /** {@code healthFlushedAt} plus {@link #SAVE_HEALTH_EVERY}, kept so that a sighting adds no Instant. */
    private Instant healthDueAt;

    private CollarRegistry(Database db, Clock clock) {
        this.db = db;
        this.collars = Collars.of(db);
        this.history = PairingHistory.of(db);
        this.clock = clock;
        this.healthFlushedAt = clock.instant();
        this.healthDueAt = healthFlushedAt.plus(SAVE_HEALTH_EVERY);
        this.paired = load();
    }

    /** The registry of the collars and pairings in {@code db}; {@code clock} dates pairings and the mode. */
    public static CollarRegistry open(Database db, Clock clock) {
        return new CollarRegistry(Objects.requireNonNull(db, "db"), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Optional<Pairing> pairing(CollarEui eui) {
        return Optional.ofNullable(paired.get(eui));
    }

    @Override
    public Optional<AesKey> rootKey(CollarEui eui) {
        Pairing p = paired.get(eui);
        if (p != null) {
            return Optional.of(p.rootKey());
        }
        return pairingOpen() ? Optional.ofNullable(admissible.get(eui)) : Optional.empty();
    }

    @Override
    public Optional<Pairing> admit(CollarEui eui, Instant at) {
        Pairing p = paired.get(eui);
        if (p != null || !admissible.containsKey(eui)) {
            return Optional.ofNullable(p);
        }
        synchronized (this) {
            CollarLabel label = pending.get(eui);
            if (label == null || !pairingOpen()) {
                return pairing(eui);
            }
            Optional<CowId> cow = label.cow().or(() -> Optional.ofNullable(cows.poll()));
            if (cow.isEmpty()) {
                noCow.add(eui);
                return Optional.empty();
            }
            Instant now = clock.instant();
            history.pair(eui, cow.get(), now);
            admitted.add(PairingStatus.Admission.of(eui, cow.get(), now));
            forget(eui);
            published(Pairing.of(eui, label.key(), cow.get()));
            return pairing(eui);
        }
    }

    @Override
    public int size() {
        return paired.size();
    }

    /**
     * Puts the collar on the cow from now on. An unregistered collar needs its {@code key} and is
     * registered with it; for a registered one the key may be left out, and if given must match. The
     * collar the cow wore before becomes spare; the cow keeps her history and baseline (they are keyed
     * by cow).
     */
    public synchronized PairResult pair(CollarEui eui, Optional<AesKey> key, CowId cow) {
        Optional<CollarRecord> known = collars.find(eui);
        if (known.isEmpty()) {
            if (key.isEmpty()) {
                return new PairResult.UnknownCollar(eui);
            }
            collars.save(CollarRecord.of(eui, key.get()));
        } else if (key.isPresent() && !key.get().equals(known.get().rootKey())) {
            return new PairResult.KeyMismatch(eui);
        } else if (known.get().use() == CollarUse.RETIRED) {
            return new PairResult.Retired(eui);
        }
        Pairing before = paired.get(eui);
        if (before != null && before.cow().equals(cow)) {
            return new PairResult.AlreadyPaired(eui, cow);
        }
        Optional<CollarEui> replaced = paired.values().stream().filter(p -> p.cow().equals(cow))
                .map(Pairing::eui).findFirst();
        history.pair(eui, cow, clock.instant());
        forget(eui);
        publish();
        return new PairResult.Paired(eui, cow, replaced, Optional.ofNullable(before).map(Pairing::cow));
    }

    /** Takes the collar off its cow from now on; it becomes spare and can no longer join or send. */
    public synchronized UnpairResult unpair(CollarEui eui) {
        Pairing before = paired.get(eui);
        if (before != null && history.unpair(eui, clock.instant())) {
            publish();
            return new UnpairResult.Unpaired(eui, before.cow());
        }
        return collars.find(eui).isPresent() ? new UnpairResult.NotPaired(eui) : new UnpairResult.UnknownCollar(eui);
    }

    /**
     * Opens the pairing mode for {@code window} (replacing a mode already open): registers the labelled
     * collars not yet known, as spare, and admits their next joins. Labels of collars already on a cow,
     * retired, or registered with another key are refused.
     *
     * @param cowsInOrder cows for labels without a cow, taken in this order by the joins
     * @throws IllegalArgumentException if {@code window} is not within 1 minute..{@link #MAX_PAIRING_WINDOW}
     */
    public synchronized PairingOpened openPairing(Collection<CollarLabel> labels, List<CowId> cowsInOrder,
                                                  Duration window) {
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(MAX_PAIRING_WINDOW) > 0) {
            throw new IllegalArgumentException("pairing window must be 1 minute to " + MAX_PAIRING_WINDOW.toHours()
                    + " hours, got " + window.toMinutes() + " minutes");
        }
        clearMode();
        List<LabelRefusal> refused = new ArrayList<>();
        for (CollarLabel label : labels) {
            refusal(label).ifPresentOrElse(refused::add, () -> pending.put(label.eui(), label));
        }
        cows.addAll(cowsInOrder.stream().filter(c -> paired.values().stream().noneMatch(p -> p.cow().equals(c)))
                .distinct().toList());
        openUntil = Optional.of(clock.instant().plus(window));
        admissible = pending.values().stream().collect(Collectors.toUnmodifiableMap(CollarLabel::eui, CollarLabel::key));
        return PairingOpened.of(status(), refused);
    }

    private Optional<LabelRefusal> refusal(CollarLabel label) {
        Optional<CollarRecord> known = collars.find(label.eui());
        if (known.isEmpty()) {
            collars.save(CollarRecord.of(label.eui(), label.key()));
            return Optional.empty();
        }
        if (!known.get().rootKey().equals(label.key())) {
            return Optional.of(LabelRefusal.of(label.eui(), "registered with another key; check the label"));
        }
        if (known.get().use() == CollarUse.RETIRED) {
            return Optional.of(LabelRefusal.of(label.eui(), "retired"));
        }
        Pairing p = paired.get(label.eui());
        if (p != null) {
            return Optional.of(LabelRefusal.of(label.eui(), "already on cow " + p.cow()
                    + "; unpair it first to fit it on another cow"));
        }
        return Optional.empty();
    }

    /** Closes the pairing mode; returns how it stood. */
    public synchronized PairingStatus closePairing() {
        PairingStatus last = status();
        clearMode();
        return last;
    }

    /** The pairing mode now (closed once its window has passed). */
    public synchronized PairingStatus pairingStatus() {
        return status();
    }

    /** The collar table (see {@link CollarTable}). */
    public List<CollarView> collars() {
        return CollarTable.read(db);
    }

    /**
     * Records a sighting of a collar. Sightings are kept in memory and written together, in one
     * transaction, at most once a {@link #SAVE_HEALTH_EVERY}; a collar's first sighting since start and
     * a new firmware version (after an update) are written at once (with whatever else is waiting).
     * Health is not worth an fsync per frame: a power cut loses at most that interval of last-seen times.
     */
    public synchronized void seen(CollarSighting s) {
        CollarEui eui = s.eui();
        Unsaved u = unsaved.get(eui);
        if (u == null) {
            unsaved.put(eui, new Unsaved(s));
        } else {
            u.add(s);
        }
        boolean first = !healthSavedAt.containsKey(eui);
        boolean newFirmware = s.firmware().isPresent() && !s.firmware().equals(firmwareSaved.get(eui));
        Instant at = s.at();
        if (first || newFirmware || !at.isBefore(healthDueAt) || at.isBefore(healthFlushedAt)) {
            flushHealth(at);
        }
    }

    /** Writes every sighting not yet saved, in one transaction; the gateway calls it at stop. */
    public synchronized void flushHealth() {
        flushHealth(clock.instant());
    }

    private void flushHealth(Instant at) {
        healthFlushedAt = at;
        healthDueAt = at.plus(SAVE_HEALTH_EVERY);
        if (unsaved.isEmpty()) {
            return;
        }
        List<CollarSighting> batch = unsaved.values().stream().map(Unsaved::sighting).toList();
        unsaved.clear();
        collars.saveHealth(batch);
        for (CollarSighting s : batch) {
            healthSavedAt.put(s.eui(), s.at());
            s.firmware().ifPresent(f -> firmwareSaved.put(s.eui(), Optional.of(f)));
        }
    }

    /**
     * A collar's sightings since the last save, merged: the newest time, and of each value the newest
     * sighting that had one. Kept as values, not the sightings themselves: one held until the collar's next
     * frame would outlive a young collection of a busy gateway and be promoted, only to die in the old
     * generation.
     */
    private static final class Unsaved {
        private static final int NONE = Integer.MIN_VALUE;

        private final CollarEui eui;
        private long atSecond;
        private int atNano;
        private int rssiDbm = NONE;
        private int batteryMv = NONE;
        private Optional<FirmwareVersion> firmware = Optional.empty();

        Unsaved(CollarSighting s) {
            eui = s.eui();
            add(s);
        }

        void add(CollarSighting s) {
            atSecond = s.at().getEpochSecond();
            atNano = s.at().getNano();
            if (s.rssiDbm().isPresent()) {
                rssiDbm = s.rssiDbm().getAsInt();
            }
            if (s.batteryMv().isPresent()) {
                batteryMv = s.batteryMv().getAsInt();
            }
            if (s.firmware().isPresent()) {
                firmware = s.firmware();
            }
        }

        CollarSighting sighting() {
            return CollarSighting.of(eui, Instant.ofEpochSecond(atSecond, atNano),
                    rssiDbm == NONE ? OptionalInt.empty() : OptionalInt.of(rssiDbm),
                    batteryMv == NONE ? OptionalInt.empty() : OptionalInt.of(batteryMv), firmware);
        }
    }

    private boolean pairingOpen() {
        Optional<Instant> until = openUntil;
        return until.isPresent() && clock.instant().isBefore(until.get());
    }

    private PairingStatus status() {
        if (!pairingOpen()) {
            return PairingStatus.closed();
        }
        return new PairingStatus(openUntil, admitted, List.copyOf(pending.keySet()), List.copyOf(noCow), List.copyOf(cows));
    }

    private void clearMode() {
        pending.clear();
        cows.clear();
        admitted.clear();
        noCow.clear();
        openUntil = Optional.empty();
        admissible = Map.of();
    }

    /** The collar is paired now: it no longer waits in the pairing mode. */
    private void forget(CollarEui eui) {
        if (pending.remove(eui) != null) {
            noCow.remove(eui);
            admissible = pending.values().stream().collect(Collectors.toUnmodifiableMap(CollarLabel::eui, CollarLabel::key));
        }
    }

    private void publish() {
        paired = load();
    }

    /**
     * What {@link PairingHistory#pair} just wrote, without reading every pairing back: a pairing mode
     * admits hundreds of collars in a row from the ingest thread, and a full read per collar made that
     * quadratic. The collar's key is the label's (checked when the mode opened); the cow's previous collar,
     * if any, is off her now.
     */
    private void published(Pairing p) {
        Map<CollarEui, Pairing> next = new HashMap<>(paired);
        next.values().removeIf(q -> q.cow().equals(p.cow()));
        next.put(p.eui(), p);
        paired = Map.copyOf(next);
    }

    private Map<CollarEui, Pairing> load() {
        return history.current().stream().collect(Collectors.toUnmodifiableMap(Pairing::eui, Function.identity()));
    }
}
