package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@link DetectionEngine}: a map of {@link CowState}s, the herd prior and the hour clock. */
final class StreamingEngine implements DetectionEngine {

    private static final int MAGIC = 0x48474445; // "HGDE"
    /**
     * 2: the ring holds lying minutes as a fourth measure; 3: heat keeps whether the cow joined a running
     * herd; 4: the ring holds per-hour float sums and covered seconds instead of running totals in doubles;
     * 5: heat keeps when it last raised (its refractory period runs from there); 6: the ring packs each
     * hour's sum and covered seconds into one int (see {@code HourlyBins}).
     */
    private static final int VERSION = 6;
    /** The oldest version still read (converted on restore, so an upgrade keeps the herd's baselines). */
    private static final int OLDEST_READ = 3;

    private final Clock clock;
    private final ZoneId zone;
    private final ZoneOffset fixedOffset;
    private final AlarmListener listener;
    private final CalvingCalendar calendar;
    private final boolean baselineCache;
    private final HerdPrior herd = new HerdPrior();
    private final Map<CowId, CowState> cows = new HashMap<>();
    private Rules rules;

    StreamingEngine(Rules rules, Clock clock, ZoneId zone, AlarmListener listener, CalvingCalendar calendar,
            boolean baselineCache) {
        this.rules = rules;
        this.baselineCache = baselineCache;
        this.clock = clock;
        this.zone = zone;
        this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
        this.listener = listener;
        this.calendar = calendar;
    }

    @Override
    public Outcome accept(Observation o) {
        CowState cow = cows.get(o.cow());
        if (cow == null) {
            cow = new CowState(o.cow(), rules.forCow(o.cow()), baselineCache);
            cow.heat.joinedEstablishedHerd(herd.established());
            cows.put(o.cow(), cow);
        }
        long s = o.start().getEpochSecond();
        long e = s + o.length().getSeconds();
        if (cow.lastEndSec != CowState.NONE && s < cow.lastEndSec) {
            return Outcome.OUT_OF_ORDER;
        }
        long offset = offsetSec(o.start());
        boolean empty = o.isEmpty();
        if (empty) {
            cow.offline.onSilence(cow, e, listener);
        } else {
            cow.offline.onData(cow, s, listener);
            // a static collar is on the ground: its minutes say nothing about the cow's activity, so
            // they are gaps in her hours, not a quiet or ill day, nor a low baseline before a "heat"
            if (!(o.accelVarG2() <= cow.rules.collarOff().maxVarG2())) {
                spread(cow, o, s, e, offset);
            }
        }
        closeHoursBefore(cow, Math.floorDiv(e + offset, 3600L), offset, s, e);
        cow.noMotion.onObservation(cow, o, s, e, listener);
        cow.collarOff.onObservation(cow, o, s, e, listener);
        if (!Double.isNaN(o.batteryMv())) {
            cow.battery.onReading(cow, o.batteryMv(), e, listener);
        }
        cow.lastEndSec = e;
        if (!empty) {
            cow.lastDataEndSec = e;
        }
        return Outcome.ACCEPTED;
    }

    /** Adds the observation's measures to the hours it overlaps, in proportion to the overlap. */
    private void spread(CowState cow, Observation o, long s, long e, long offset) {
        double len = e - s;
        for (long from = s; from < e; ) {
            long hour = Math.floorDiv(from + offset, 3600L);
            long to = Math.min(e, (hour + 1) * 3600L - offset);
            closeHoursBefore(cow, hour, offset, s, e);
            double share = (to - from) / len;
            int seconds = (int) (to - from);
            HourlyBins bins = cow.bins;
            if (!Double.isNaN(o.activity())) {
                bins.add(HourlyBins.ACTIVITY, o.activity() * share, seconds);
            }
            if (!Double.isNaN(o.ruminationMin())) {
                bins.add(HourlyBins.RUMINATION, o.ruminationMin() * share, seconds);
            }
            if (!Double.isNaN(o.lyingBouts())) {
                bins.add(HourlyBins.BOUTS, o.lyingBouts() * share, seconds);
            }
            if (!Double.isNaN(o.lyingMin())) {
                bins.add(HourlyBins.LYING, o.lyingMin() * share, seconds);
            }
            from = to;
        }
    }

    /**
     * Closes every open hour before {@code hour}, then opens {@code hour}. Closed hours are judged unless
     * they end strictly inside an observation {@code [s, e)} longer than an hour: such a window holds only
     * part of it, and judging it would give long observations (2 h) extra, half-informed chances to fire.
     * Shorter observations need not start on the clock: a collar's minutes start with its first sample,
     * so nearly every hour ends inside one of them, and the hour is complete once it closes.
     */
    private void closeHoursBefore(CowState cow, long hour, long offset, long s, long e) {
        HourlyBins bins = cow.bins;
        if (!bins.started()) {
            bins.openAt(hour);
            return;
        }
        long open = bins.openHour();
        if (hour <= open) {
            return;
        }
        // After a gap longer than the ring every window is empty: judging more hours changes nothing.
        long last = Math.min(hour - 1, open + bins.size());
        for (long h = open; h <= last; h++) {
            if (h > bins.openHour()) {
                bins.openAt(h);
            }
            long end = (h + 1) * 3600L - offset;
            if (end > s && end < e && e - s > 3600L) {
                continue;
            }
            bins.flush();
            HourContext ctx = new HourContext(h, end, herd, listener, calendar);
            cow.heat.onHour(cow, ctx);
            cow.illness.onHour(cow, ctx);
            cow.calving.onHour(cow, ctx);
        }
        bins.openAt(hour);
    }

    private long offsetSec(Instant at) {
        return (fixedOffset != null ? fixedOffset : zone.getRules().getOffset(at)).getTotalSeconds();
    }

    @Override
    public void advanceTo(Instant watermark) {
        long now = watermark.getEpochSecond();
        for (CowState cow : sortedCows()) {
            cow.offline.onSilence(cow, now, listener);
        }
    }

    @Override
    public void resumeAt(Instant at) {
        long sec = at.getEpochSecond();
        for (CowState cow : cows.values()) {
            if (cow.lastDataEndSec != CowState.NONE && cow.lastDataEndSec < sec && !cow.offline.track.isActive()) {
                cow.lastDataEndSec = sec;
            }
        }
    }

    @Override
    public void tick() {
        advanceTo(clock.instant());
    }

    @Override
    public void updateRules(Rules rules) {
        this.rules = rules;
        for (CowState cow : sortedCows()) {
            cow.setRules(rules.forCow(cow.id));
        }
    }

    @Override
    public List<Alarm> activeAlarms() {
        List<Alarm> out = new ArrayList<>();
        for (CowState cow : sortedCows()) {
            for (AlarmTrack t : cow.tracks()) {
                t.active().ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparing(Alarm::cow).thenComparing(Alarm::type));
        return List.copyOf(out);
    }

    @Override
    public List<CowId> cows() {
        return cows.keySet().stream().sorted().toList();
    }

    private List<CowState> sortedCows() {
        List<CowState> list = new ArrayList<>(cows.values());
        list.sort(Comparator.comparing(c -> c.id));
        return list;
    }

    @Override
    public void writeSnapshot(OutputStream sink) throws IOException {
        // Buffered here and flushed, not closed: the caller owns the sink.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sink, 64 * 1024));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        herd.write(out);
        List<CowState> list = sortedCows();
        out.writeInt(list.size());
        for (CowState cow : list) {
            out.writeUTF(cow.id.value());
            out.writeInt(cow.bins.size());
            cow.write(out);
        }
        out.flush();
    }

    @Override
    public int stateBytes(CowId id) {
        CowState cow = cows.get(id);
        if (cow == null) {
            return 0;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            cow.write(out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.size();
    }

    void restore(InputStream source) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(source, 64 * 1024));
            if (in.readInt() != MAGIC) {
                throw new SnapshotException("not a herdgate detection snapshot (bad magic at byte 0)");
            }
            int version = in.readInt();
            if (version < OLDEST_READ || version > VERSION) {
                throw new SnapshotException("snapshot version " + version + " is not supported; supported: "
                        + OLDEST_READ + " to " + VERSION);
            }
            herd.read(in);
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                CowId id = CowId.of(in.readUTF());
                CowState cow = new CowState(id, rules.forCow(id), baselineCache);
                int ring = in.readInt();
                if (ring != cow.bins.size()) {
                    cow.bins = new HourlyBins(ring, baselineCache);
                }
                cow.read(in, version);
                cow.setRules(cow.rules);
                cows.put(id, cow);
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof SnapshotException se) {
                throw se;
            }
            throw new SnapshotException("snapshot is truncated or corrupt: " + ex.getMessage(), ex);
        }
    }
}
