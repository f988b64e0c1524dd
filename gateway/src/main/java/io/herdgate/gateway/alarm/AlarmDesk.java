package io.herdgate.gateway.alarm;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.notify.ReplyHandler;
import io.herdgate.gateway.outbox.EnqueueResult;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.outbox.OutboxWatcher;
import io.herdgate.gateway.routing.Contact;
import io.herdgate.gateway.routing.FlapDamper;
import io.herdgate.gateway.routing.OptOuts;
import io.herdgate.gateway.routing.Role;
import io.herdgate.gateway.routing.Route;
import io.herdgate.gateway.routing.RouteName;
import io.herdgate.gateway.routing.RoutingConfig;
import io.herdgate.gateway.routing.Silence;
import io.herdgate.gateway.routing.SilenceId;
import io.herdgate.gateway.routing.Silences;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.CowRecord;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import io.herdgate.gateway.store.Herd;
import io.herdgate.gateway.store.StoredAlarm;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.detect.AlarmListener;
import io.herdgate.rules.series.CowId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * The alarm lifecycle: takes detector events ({@link AlarmListener}) and replies ({@link ReplyHandler}),
 * keeps each alarm's state, and queues notifications in the outbox as the routing configuration says.
 * Thread-safe (one lock); the runtime calls {@link #tick()} every few seconds, which sends what has
 * become due by the {@link Clock}: grouped messages, released holds, repeats and escalations.
 *
 * <p>When an alarm is raised (event time for silences and flap counting, the clock for everything sent):
 * <ol>
 * <li>a repeat of an active alarm of the same cow and type updates that alarm, nothing more is sent;</li>
 * <li>a matching silence records it unsent;</li>
 * <li>a per-collar offline alarm is held while the dongle is unplugged or the gateway offline, and for
 *     {@link RoutingConfig#inhibitGrace()} after; it goes out only if still active then;</li>
 * <li>a non-critical alarm raised more often than flap damping allows is held for its hold time;</li>
 * <li>the first matching route takes it; a critical alarm opens its message chain at once, others wait
 *     for the grouping window and go out as one message per type and route listing all cows.</li>
 * </ol>
 * A message chain runs the route's escalation steps and repeats until an acknowledgement (reply, CLI, API)
 * or until all its alarms have cleared; an acknowledgement cancels what is still queued for it. A
 * non-critical escalation step waits for the end of its contact's quiet hours; critical ones never wait.
 * Numbers that answered STOP get nothing until START.
 *
 * <p>Each decision not to send an alarm (steps 2–4, no route, every recipient opted out, over before its
 * message was due) is written to {@link AlarmHolds} with its reason, and marked released if the alarm
 * goes out after all: what was held by policy can be told from what was lost, after a restart too.
 */
public final class AlarmDesk implements AlarmListener, ReplyHandler, OutboxWatcher {

    private final Database db;
    private final AlarmLog log;
    private final AlarmTables tables;
    private final AlarmHolds holds;
    private final Silences silences;
    private final OptOuts optOuts;
    private final Herd herd;
    private final RoutingConfig routing;
    private final Outbox outbox;
    private final ChannelName firstChannel;
    private final Clock clock;
    private final FlapDamper flap;

    /** Cleared alarms stay listed (and their pages in memory) this long. */
    public static final Duration REMEMBER_CLEARED = Duration.ofDays(1);

    private final Map<AlarmId, Alarm> alarms = new LinkedHashMap<>();
    private final Map<AlarmId, Page> pages = new LinkedHashMap<>();
    private final Map<AlarmId, AlarmId> leadOf = new HashMap<>();
    private final Map<AlarmId, Acknowledgement> acks;
    private final List<Group> groups = new ArrayList<>();
    private final Map<AlarmId, Hold> held = new LinkedHashMap<>();
    private final Map<AlarmId, String> notes = new HashMap<>();
    private final Map<GatewayProblem, Instant> problems = new EnumMap<>(GatewayProblem.class);
    private Instant inhibitionEnded = Instant.MIN;
    private final List<DeskListener> listeners = new CopyOnWriteArrayList<>();

    /** Non-critical alarms of one type and route waiting for the grouping window to close. */
    private record Group(RouteName route, AlarmType type, List<AlarmId> members, Instant closesAt) {
    }

    /** An alarm held back: inhibited (until the gateway problem is over), or flapping (until {@code until}). */
    private record Hold(boolean inhibited, Instant until) {
    }

    private AlarmDesk(Database db, RoutingConfig routing, Outbox outbox, ChannelName firstChannel, Clock clock) {
        this.db = db;
        this.log = AlarmLog.of(db);
        this.tables = new AlarmTables(db);
        this.holds = AlarmHolds.of(db);
        this.silences = Silences.of(db);
        this.optOuts = OptOuts.of(db);
        this.herd = Herd.of(db);
        this.routing = routing;
        this.outbox = outbox;
        this.firstChannel = firstChannel;
        this.clock = clock;
        this.flap = FlapDamper.of(routing.flapDamping());
        this.acks = new HashMap<>(tables.acks());
    }

    /**
     * Opens the desk on the gateway database and resumes: message chains continue where they were; an
     * active, unacknowledged alarm without a chain (the gateway stopped while it was grouped or held) is
     * routed again now.
     *
     * @param firstChannel the channel new notifications start on (the outbox pump's first)
     */
    public static AlarmDesk open(Database db, RoutingConfig routing, Outbox outbox, ChannelName firstChannel, Clock clock) {
        AlarmDesk d = new AlarmDesk(Objects.requireNonNull(db, "db"), Objects.requireNonNull(routing, "routing"),
                Objects.requireNonNull(outbox, "outbox"), Objects.requireNonNull(firstChannel, "firstChannel"),
                Objects.requireNonNull(clock, "clock"));
        d.resume();
        return d;
    }

    private synchronized void resume() {
        Instant now = clock.instant();
        for (Page p : tables.pages()) {
            if (p.next().isEmpty() && p.opened().isBefore(now.minus(REMEMBER_CLEARED))) {
                continue; // an old chain that has ended: nothing to resume
            }
            pages.put(p.lead(), p);
            for (AlarmId m : p.members()) {
                leadOf.put(m, p.lead());
                log.find(m).ifPresent(s -> alarms.put(m, s.alarm()));
            }
        }
        for (StoredAlarm s : log.active()) {
            alarms.put(s.id(), s.alarm());
            if (!leadOf.containsKey(s.id()) && !acks.containsKey(s.id())) {
                admit(s.id(), s.alarm(), now, false);
            }
        }
        tick();
    }

    /** Adds a listener told of acknowledgements, snoozes and resolutions from now on. */
    public void addListener(DeskListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    private void tell(DeskChange change) {
        for (DeskListener l : listeners) {
            try {
                l.onChange(change);
            } catch (RuntimeException e) {
                Logger.error(e, "desk listener failed on {}", change);
            }
        }
    }

    // --- detector events ------------------------------------------------------------------------

    /**
     * Records the event and, for a new alarm, routes it; the alarm row, its message chain and its outbox rows
     * commit together (one fsync before the message can go out, instead of one per table).
     */
    @Override
    public void onEvent(AlarmEvent event) {
        onEvents(List.of(event));
    }

    /**
     * As {@link #onEvent} for events told together (one pass of the detection engine), in one transaction: one
     * fsync for all of them; critical alarms are taken (and so queued for sending) first, the others in the order
     * given. If that commit fails, the desk forgets what it took from it (it reloads from the database, as a
     * restart would) and records the events one transaction each, critical first, so that one event that cannot
     * be stored does not take the pass's other alarms with it; the first failure is then thrown, any later ones
     * suppressed in it.
     */
    public synchronized void onEvents(List<AlarmEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<AlarmEvent> ordered = Stream.concat(events.stream().filter(this::critical),
                events.stream().filter(e -> !critical(e))).toList();
        Optional<RuntimeException> together = commit(ordered);
        if (together.isEmpty()) {
            return;
        }
        if (ordered.size() == 1) {
            throw together.get();
        }
        Logger.warn("alarm desk: the {} events of one pass did not commit together ({}); recording them one by one",
                ordered.size(), together.get().getMessage());
        RuntimeException first = null;
        for (AlarmEvent event : ordered) {
            Optional<RuntimeException> e = commit(List.of(event));
            if (e.isPresent() && first == null) {
                first = e.get();
            } else if (e.isPresent()) {
                first.addSuppressed(e.get());
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Takes the events in one transaction; on failure reloads the desk's memory and returns the failure. */
    private Optional<RuntimeException> commit(List<AlarmEvent> events) {
        try {
            // Ahead of the ingest's bulk writes waiting for the connection: the alarms' messages wait for this commit.
            db.writeFirst(Durability.FULL, c -> {
                events.forEach(this::take);
                return null;
            });
            return Optional.empty();
        } catch (RuntimeException e) {
            try {
                reload();
            } catch (RuntimeException r) {
                e.addSuppressed(r);
            }
            return Optional.of(e);
        }
    }

    /** Forgets what the desk holds in memory and resumes from the database, as {@link #open} does. */
    private void reload() {
        alarms.clear();
        pages.clear();
        leadOf.clear();
        groups.clear();
        held.clear();
        notes.clear();
        acks.clear();
        acks.putAll(tables.acks());
        resume();
    }

    /** Critical as routed (the contacts file may raise or lower a type's severity). */
    private boolean critical(AlarmEvent e) {
        return severity(e.alarm()) == Severity.CRITICAL;
    }

    private void take(AlarmEvent event) {
        Alarm a = event.alarm();
        Optional<AlarmId> current = activeFor(a.cow(), a.type());
        if (current.isPresent()) {
            AlarmId id = current.get();
            Alarm old = alarms.get(id);
            Alarm merged = new Alarm(old.cow(), old.type(), old.raisedAt(), a.severity(),
                    event instanceof AlarmEvent.Cleared ? Optional.of(event.at()) : Optional.empty(), a.explanation(),
                    a.nextExpectedHeat().or(old::nextExpectedHeat));
            log.record(merged);
            alarms.put(id, merged);
            if (event instanceof AlarmEvent.Cleared) {
                cleared(id);
            }
            return;
        }
        AlarmId id = log.record(a);
        alarms.put(id, a);
        if (event instanceof AlarmEvent.Raised) {
            admit(id, a, clock.instant(), true);
        }
    }

    /** Steps 2–5 of the class description; {@code fresh} is false when re-admitting after a restart. */
    private void admit(AlarmId id, Alarm a, Instant now, boolean fresh) {
        Optional<Silence> s = silences.matching(a.cow(), a.type(), a.raisedAt());
        if (s.isPresent()) {
            String note = "silenced until " + s.get().end() + " by " + s.get().author() + ": " + s.get().reason();
            notes.put(id, note);
            holds.hold(id, HoldReason.SILENCED, note, now);
            return;
        }
        if (a.type() == AlarmType.OFFLINE && inhibiting(now)) {
            inhibit(id, now);
            return;
        }
        Severity sev = severity(a);
        if (fresh && flap.raised(a.cow(), a.type(), a.raisedAt()) && sev != Severity.CRITICAL) {
            Instant until = now.plus(routing.flapDamping().hold());
            held.put(id, new Hold(false, until));
            holds.hold(id, HoldReason.FLAPPING, "raised more than " + routing.flapDamping().maxRaises() + " times in "
                    + routing.flapDamping().window() + "; held until " + until + ", sent only if still active then", now);
            return;
        }
        dispatch(id, a, sev, now);
    }

    private void dispatch(AlarmId id, Alarm a, Severity sev, Instant now) {
        Optional<Route> route = routing.routeFor(a.type(), sev, group(a.cow()));
        if (route.isEmpty()) {
            // Without any route (no contacts file) alarms are only logged and listed: not a warning each time.
            if (routing.routes().isEmpty()) {
                Logger.info("alarm {} ({} of cow {}): no contacts configured; listed only", id, a.type().jsonName(), a.cow());
            } else {
                Logger.warn("alarm {} ({} of cow {}): no route in the contacts file matches; nobody is told", id,
                        a.type().jsonName(), a.cow());
            }
            notes.put(id, "no route matches");
            holds.hold(id, HoldReason.NO_ROUTE, "no route in the contacts file matches", now);
            return;
        }
        Route r = route.get();
        if (sev == Severity.CRITICAL || routing.groupWindow().isZero()) {
            open(List.of(id), r, now);
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (g.route().equals(r.name()) && g.type() == a.type() && now.isBefore(g.closesAt())) {
                List<AlarmId> members = new ArrayList<>(g.members());
                members.add(id);
                groups.set(i, new Group(g.route(), g.type(), members, g.closesAt()));
                return;
            }
        }
        groups.add(new Group(r.name(), a.type(), List.of(id), now.plus(routing.groupWindow())));
    }

    private void cleared(AlarmId id) {
        held.remove(id);
        overWhileGrouped(List.of(id), "cleared");
        AlarmId lead = leadOf.get(id);
        Page p = lead == null ? null : pages.get(lead);
        if (p != null && p.next().isPresent() && p.members().stream().noneMatch(this::activeUnacknowledged)) {
            end(p);
        }
    }

    // --- time ------------------------------------------------------------------------------------

    /**
     * Sends what has become due: closed groups, released holds, repeats and escalations; forgets alarms
     * cleared more than {@link #REMEMBER_CLEARED} ago (they stay in the database).
     */
    public synchronized void tick() {
        Instant now = clock.instant();
        forgetClearedBefore(now.minus(REMEMBER_CLEARED));
        for (Iterator<Group> it = groups.iterator(); it.hasNext(); ) {
            Group g = it.next();
            if (!now.isBefore(g.closesAt())) {
                it.remove();
                List<AlarmId> live = g.members().stream().filter(this::activeUnacknowledged).toList();
                Optional<Route> r = routing.route(g.route());
                if (!live.isEmpty() && r.isPresent()) {
                    open(live, r.get(), now);
                }
            }
        }
        for (Iterator<Map.Entry<AlarmId, Hold>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<AlarmId, Hold> e = it.next();
            AlarmId id = e.getKey();
            boolean release = e.getValue().inhibited() ? !inhibiting(now) : !now.isBefore(e.getValue().until());
            if (!activeUnacknowledged(id)) {
                it.remove();
            } else if (release) {
                it.remove();
                Alarm a = alarms.get(id);
                dispatch(id, a, severity(a), now);
            }
        }
        for (Page p : List.copyOf(pages.values())) {
            if (p.next().isPresent() && !now.isBefore(p.next().get())) {
                step(p, now);
            }
        }
    }

    private void forgetClearedBefore(Instant cutoff) {
        List<AlarmId> old = alarms.entrySet().stream().filter(e -> e.getValue().clearedAt().map(cutoff::isAfter).orElse(false))
                .map(Map.Entry::getKey).toList();
        for (AlarmId id : old) {
            AlarmId lead = leadOf.getOrDefault(id, id);
            Page p = pages.get(lead);
            if (p == null || p.members().stream().allMatch(old::contains)) {
                alarms.remove(id);
                notes.remove(id);
                leadOf.remove(id);
                if (p != null) {
                    pages.remove(lead);
                }
            }
        }
    }

    private void open(List<AlarmId> members, Route r, Instant now) {
        Page p = new Page(members.get(0), members, r.name(), 0, 0, Optional.of(now.plus(r.delayBefore(0))), now);
        members.forEach(m -> leadOf.put(m, p.lead()));
        pages.put(p.lead(), p);
        tables.save(p);
        holds.release(members, now);
        if (!now.isBefore(p.next().get())) {
            step(p, now);
        }
    }

    /** Sends the page's due step and schedules the next. */
    private void step(Page p, Instant now) {
        Optional<Route> route = routing.route(p.route());
        boolean over = p.members().stream().noneMatch(this::activeUnacknowledged);
        if (route.isEmpty() || p.step() >= route.get().steps() || over) {
            if (over && p.sent() == 0) {
                p.members().forEach(m -> holds.hold(m, HoldReason.OVER_BEFORE_SENDING,
                        "cleared or acknowledged before its first message was due", now));
            }
            save(p.ended());
            return;
        }
        Route r = route.get();
        Severity sev = severity(alarms.get(p.lead()));
        boolean critical = sev == Severity.CRITICAL;
        List<Contact> to = r.recipientsOf(p.step()).stream().map(id -> routing.contact(id).orElseThrow()).toList();
        if (!critical && p.step() < r.chain().size()) {
            Instant quietEnd = quietEnd(to.get(0), now);
            if (quietEnd.isAfter(now)) {
                save(p.withNext(p.step(), p.sent(), Optional.of(quietEnd)));
                return;
            }
        }
        boolean queued = false;
        for (Contact c : to) {
            queued |= send(p, c, sev, critical ? now : quietEnd(c, now));
        }
        if (!queued && p.sent() == 0) {
            p.members().forEach(m -> holds.hold(m, HoldReason.OPTED_OUT, "every recipient of its first message answered STOP",
                    now));
        }
        int next = p.step() + 1;
        save(p.withNext(next, p.sent() + 1, next < r.steps() ? Optional.of(now.plus(r.delayBefore(next))) : Optional.empty()));
    }

    /** Queues the page's message to {@code c}; false when {@code c} opted out. */
    private boolean send(Page p, Contact c, Severity sev, Instant notBefore) {
        if (optOuts.isOptedOut(c.phone())) {
            Logger.info("alarm {}: {} opted out (STOP); not sent", p.lead(), c.id());
            return false;
        }
        Alarm lead = alarms.get(p.lead());
        Notification n = Notification.of(NotificationKey.forAlarm(p.lead(), c.id(), p.sent()), c.recipient(), priority(sev),
                new Content.AlarmMessage(p.lead(), lead.type(), sev, p.members().stream().map(m -> alarms.get(m).cow()).toList(),
                        lead.raisedAt(), p.sent(), facts(lead.explanation())));
        EnqueueResult r = outbox.enqueue(n, firstChannel, notBefore);
        if (r instanceof EnqueueResult.Full) {
            Logger.error("alarm {}: the outbox is full; the message to {} is lost", p.lead(), c.id());
        }
        return true;
    }

    // --- acknowledgement -------------------------------------------------------------------------

    /** Acknowledges alarm {@code id} and every alarm grouped with it; its message chain stops everywhere. */
    public synchronized AckResult acknowledge(AlarmId id, String who, String via) {
        return take(id, Acknowledgement.of(who, via, clock.instant(), false));
    }

    /** Declares alarm {@code id} over (cleared now) and acknowledges it with the alarms grouped with it. */
    public synchronized AckResult resolve(AlarmId id, String who, String via) {
        Instant now = clock.instant();
        AckResult r = take(id, Acknowledgement.of(who, via, now, true));
        Alarm a = alarms.get(id);
        if (!(r instanceof AckResult.NotFound) && a != null && a.isActive()) {
            Alarm done = a.clearedAt(now);
            log.record(done);
            alarms.put(id, done);
            tell(new DeskChange.Resolved(view(id), acks.get(id)));
            return new AckResult.Done(view(id));
        }
        return r;
    }

    private AckResult take(AlarmId id, Acknowledgement ack) {
        if (!known(id)) {
            return new AckResult.NotFound(id);
        }
        if (acks.containsKey(id) && !ack.resolved()) {
            return new AckResult.AlreadyAcknowledged(view(id));
        }
        AlarmId lead = leadOf.getOrDefault(id, id);
        Page p = pages.get(lead);
        List<AlarmId> members = p == null ? List.of(id) : p.members();
        List<AlarmId> told = new ArrayList<>();
        for (AlarmId m : members) {
            if (!acks.containsKey(m) || m.equals(id)) {
                tables.acknowledge(m, ack);
                acks.put(m, ack);
                told.add(m);
            }
            held.remove(m);
        }
        overWhileGrouped(members, "acknowledged");
        if (p != null) {
            end(p);
        }
        told.stream().filter(alarms::containsKey).forEach(m -> tell(new DeskChange.Acknowledged(view(m), ack)));
        Logger.info("alarm {} acknowledged by {} via {}", id, ack.who(), ack.via());
        return new AckResult.Done(view(id));
    }

    /**
     * Puts off alarm {@code id}'s chain by {@code duration}: then {@code by} (if in the chain) is reminded
     * and the chain goes on from there. Queued messages for it are cancelled meanwhile.
     */
    public synchronized AckResult snooze(AlarmId id, Duration duration, Optional<ContactId> by) {
        if (!known(id)) {
            return new AckResult.NotFound(id);
        }
        if (acks.containsKey(id)) {
            return new AckResult.AlreadyAcknowledged(view(id));
        }
        Page p = pages.get(leadOf.getOrDefault(id, id));
        Optional<Route> r = p == null ? Optional.empty() : routing.route(p.route());
        if (p != null && r.isPresent()) {
            int step = by.flatMap(c -> chainIndex(r.get(), c)).orElse(Math.max(0, p.step() - 1));
            outbox.cancelAlarm(p.lead());
            save(p.withNext(step, p.sent(), Optional.of(clock.instant().plus(duration))));
        }
        Instant now = clock.instant();
        tell(new DeskChange.Snoozed(view(id), by, now.plus(duration), now));
        return new AckResult.Done(view(id));
    }

    /** Acknowledges alarm {@code id} and tells the route's vet (or the first vet in the contacts) at once. */
    public synchronized AckResult callVet(AlarmId id, String who) {
        AckResult r = take(id, Acknowledgement.of(who, "reply", clock.instant(), false));
        if (!(r instanceof AckResult.Done)) {
            return r;
        }
        Page p = pages.get(leadOf.getOrDefault(id, id));
        Alarm a = alarms.get(id);
        Optional<Contact> vet = Optional.ofNullable(p).flatMap(pg -> routing.route(pg.route()))
                .flatMap(route -> route.chain().stream().map(s -> routing.contact(s.contact()).orElseThrow())
                        .filter(c -> c.role() == Role.VET).findFirst())
                .or(() -> routing.contacts().values().stream().filter(c -> c.role() == Role.VET).findFirst());
        if (vet.isEmpty()) {
            Logger.warn("alarm {}: 'call vet' but no vet in the contacts file", id);
            return r;
        }
        Page page = p != null ? p : new Page(id, List.of(id), routing.routeFor(a.type(), severity(a), group(a.cow()))
                .map(Route::name).orElse(RouteName.of("call-vet")), 0, 0, Optional.empty(), clock.instant());
        send(page, vet.get(), Severity.CRITICAL, clock.instant());
        save(page.withNext(page.step(), page.sent() + 1, Optional.empty()));
        leadOf.putIfAbsent(id, page.lead());
        return r;
    }

    @Override
    public void onReply(Reply reply) {
        Optional<Contact> from = routing.contactWith(reply.from());
        String who = from.map(c -> c.id().value()).orElse(reply.from().e164());
        if (reply instanceof Reply.OptOut) {
            optOuts.optOut(reply.from(), reply.at());
            int cancelled = outbox.cancelTo(reply.from());
            Logger.info("{} answered STOP: nothing more is sent to them ({} queued message(s) cancelled)", who, cancelled);
            return;
        }
        if (reply instanceof Reply.OptIn) {
            optOuts.optIn(reply.from());
            Logger.info("{} answered START: messages resume", who);
            return;
        }
        if (from.isEmpty()) {
            Logger.warn("reply from {}, who is not in the contacts file: ignored", reply.from());
            return;
        }
        AckResult r;
        if (reply instanceof Reply.Acknowledge a) {
            r = acknowledge(a.alarm(), who, "reply");
        } else if (reply instanceof Reply.Snooze s) {
            r = snooze(s.alarm(), s.duration(), Optional.of(from.get().id()));
        } else if (reply instanceof Reply.CallVet v) {
            r = callVet(v.alarm(), who);
        } else {
            return;
        }
        if (r instanceof AckResult.NotFound nf) {
            Logger.warn("reply from {} names alarm {}, which does not exist: ignored", who, nf.id());
        }
    }

    // --- silences and gateway problems -----------------------------------------------------------

    /**
     * Adds a silence and stops the message chains of unacknowledged active alarms it covers now.
     *
     * @throws IllegalArgumentException for a silence {@link Silences#add} refuses
     */
    public synchronized Silence silence(Optional<CowId> cow, Optional<AlarmType> type, Duration length, String author,
                                        String reason) {
        Instant now = clock.instant();
        Silence s = silences.add(cow, type, now, now.plus(length), author, reason);
        for (Page p : List.copyOf(pages.values())) {
            if (p.next().isPresent() && p.members().stream().map(alarms::get)
                    .allMatch(a -> s.matches(a.cow(), a.type(), now))) {
                end(p);
                String note = "silenced until " + s.end() + " by " + author + ": " + reason;
                p.members().forEach(m -> {
                    notes.put(m, note);
                    if (p.sent() == 0) {
                        holds.hold(m, HoldReason.SILENCED, note, now);
                    }
                });
            }
        }
        return s;
    }

    /** Lifts a silence now; false when there is none with that id. */
    public synchronized boolean lift(SilenceId id) {
        return silences.lift(id, clock.instant());
    }

    /** Silences not yet ended. */
    public synchronized List<Silence> silences() {
        return silences.current(clock.instant());
    }

    /**
     * A gateway-wide problem began. An unplugged dongle or a lost network holds per-collar offline
     * alarms (and stops the chains of those already out).
     */
    public synchronized void raise(GatewayProblem problem) {
        Instant now = clock.instant();
        if (problems.putIfAbsent(problem, now) != null) {
            return;
        }
        Logger.error("gateway problem: {}", problem.jsonName());
        if (problem.inhibitsOffline()) {
            List<AlarmId> waiting = groups.stream().flatMap(g -> g.members().stream())
                    .filter(m -> alarms.get(m).type() == AlarmType.OFFLINE).toList();
            dropFromGroups(waiting);
            waiting.forEach(m -> inhibit(m, now));
            for (Page p : List.copyOf(pages.values())) {
                if (p.next().isPresent() && p.members().stream().allMatch(m -> alarms.get(m).type() == AlarmType.OFFLINE)) {
                    end(p);
                    p.members().forEach(m -> {
                        leadOf.remove(m);
                        if (p.sent() == 0) {
                            inhibit(m, now);
                        } else {
                            held.put(m, new Hold(true, now)); // it went out already: nothing to note
                        }
                    });
                    pages.remove(p.lead());
                }
            }
        }
    }

    /** A gateway-wide problem is over. */
    public synchronized void clear(GatewayProblem problem) {
        if (problems.remove(problem) != null) {
            Logger.info("gateway problem over: {}", problem.jsonName());
            if (problem.inhibitsOffline()) {
                inhibitionEnded = clock.instant();
            }
        }
    }

    /** The gateway problems now, with when each began. */
    public synchronized Map<GatewayProblem, Instant> problems() {
        return Map.copyOf(problems);
    }

    @Override
    public void onFull(int capacity) {
        raise(GatewayProblem.OUTBOX_FULL);
    }

    @Override
    public void onDrained(int pending) {
        clear(GatewayProblem.OUTBOX_FULL);
    }

    // --- views -----------------------------------------------------------------------------------

    /** Active alarms, and with {@code includeCleared} those cleared in the last day, newest first. */
    public synchronized List<AlarmView> alarms(boolean includeCleared) {
        return alarms.keySet().stream().filter(id -> includeCleared || alarms.get(id).isActive()).map(this::view)
                .sorted(Comparator.comparing(AlarmView::raisedAt).reversed()).toList();
    }

    public synchronized Optional<AlarmView> find(AlarmId id) {
        return known(id) ? Optional.of(view(id)) : Optional.empty();
    }

    private AlarmView view(AlarmId id) {
        Alarm a = alarms.get(id);
        Page p = Optional.ofNullable(leadOf.get(id)).map(pages::get).orElse(null);
        AlarmState state = AlarmState.of(a.clearedAt(), Optional.ofNullable(acks.get(id)));
        Optional<String> note = Optional.ofNullable(notes.get(id));
        Hold h = held.get(id);
        if (h != null) {
            note = Optional.of(h.inhibited() ? "held: a gateway problem explains it" : "held: flapping, waiting until " + h.until());
        } else if (groups.stream().anyMatch(g -> g.members().contains(id))) {
            note = Optional.of("waiting for the grouping window");
        } else if (p != null && !p.lead().equals(id)) {
            note = Optional.of("sent together with alarm " + p.lead());
        }
        return new AlarmView(id, a.cow(), a.type(), severity(a), a.raisedAt(), state,
                Optional.ofNullable(p).map(Page::route), p == null ? 0 : p.sent(),
                p == null || state.acknowledged() ? Optional.empty() : p.next(), note);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private boolean known(AlarmId id) {
        if (alarms.containsKey(id)) {
            return true;
        }
        Optional<StoredAlarm> s = log.find(id);
        s.ifPresent(st -> alarms.put(id, st.alarm()));
        return s.isPresent();
    }

    private Optional<AlarmId> activeFor(CowId cow, AlarmType type) {
        return alarms.entrySet().stream().filter(e -> e.getValue().isActive() && e.getValue().cow().equals(cow)
                && e.getValue().type() == type).map(Map.Entry::getKey).findFirst();
    }

    private boolean activeUnacknowledged(AlarmId id) {
        Alarm a = alarms.get(id);
        return a != null && a.isActive() && !acks.containsKey(id);
    }

    private boolean inhibiting(Instant now) {
        return problems.keySet().stream().anyMatch(GatewayProblem::inhibitsOffline)
                || now.isBefore(inhibitionEnded.plus(routing.inhibitGrace()));
    }

    private Severity severity(Alarm a) {
        return routing.severityOf(a.type(), a.severity());
    }

    private Optional<GroupName> group(CowId cow) {
        return herd.find(cow).flatMap(CowRecord::group);
    }

    private void end(Page p) {
        outbox.cancelAlarm(p.lead());
        save(p.ended());
    }

    private void save(Page p) {
        pages.put(p.lead(), p);
        tables.save(p);
    }

    /** Holds offline alarm {@code id} while a gateway problem explains it (and for the grace after). */
    private void inhibit(AlarmId id, Instant now) {
        held.put(id, new Hold(true, now));
        holds.hold(id, HoldReason.GATEWAY_PROBLEM, problems.isEmpty()
                ? "within " + routing.inhibitGrace() + " after a gateway problem ended"
                : "gateway problem " + problems.keySet().stream().map(GatewayProblem::jsonName).sorted().toList(), now);
    }

    /** Takes {@code ids} out of the grouping windows; those that were waiting there are never sent. */
    private void overWhileGrouped(List<AlarmId> ids, String how) {
        Instant now = clock.instant();
        ids.stream().filter(id -> groups.stream().anyMatch(g -> g.members().contains(id)))
                .forEach(id -> holds.hold(id, HoldReason.OVER_BEFORE_SENDING, how + " within the grouping window", now));
        dropFromGroups(ids);
    }

    private void dropFromGroups(List<AlarmId> ids) {
        for (int i = groups.size() - 1; i >= 0; i--) {
            Group g = groups.get(i);
            List<AlarmId> rest = g.members().stream().filter(m -> !ids.contains(m)).toList();
            if (rest.isEmpty()) {
                groups.remove(i);
            } else if (rest.size() != g.members().size()) {
                groups.set(i, new Group(g.route(), g.type(), rest, g.closesAt()));
            }
        }
    }

    private static Optional<Integer> chainIndex(Route r, ContactId c) {
        for (int i = 0; i < r.chain().size(); i++) {
            if (r.chain().get(i).contact().equals(c)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static Instant quietEnd(Contact c, Instant now) {
        return c.quietHours().map(q -> q.endAfter(now)).orElse(now);
    }

    private static Priority priority(Severity s) {
        return switch (s) {
            case CRITICAL -> Priority.CRITICAL;
            case WARNING -> Priority.NORMAL;
            case INFO -> Priority.LOW;
        };
    }

    /**
     * Figures for the message text: measure, value, baseline, threshold, minutes the condition held and,
     * for activity measured against a positive baseline, {@code activity_pct} (value as a whole percentage
     * of the baseline: 212 is a rise to 2.12 times normal).
     */
    static Map<String, String> facts(Explanation e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("measure", e.measure());
        f.put("value", number(e.value()));
        e.baseline().ifPresent(b -> f.put("baseline", number(b)));
        if (e.measure().startsWith("activity") && e.baseline().isPresent() && e.baseline().getAsDouble() > 0) {
            f.put("activity_pct", Long.toString(Math.round(100 * e.value() / e.baseline().getAsDouble())));
        }
        f.put("threshold", number(e.threshold()));
        f.put("duration_min", Long.toString(e.duration().toMinutes()));
        return f;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
