package io.herdgate.gateway.fault;

import io.herdgate.gateway.alarm.AlarmHold;
import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.store.StoredAlarm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link FaultRun} found. Every alarm in the gateway's alarm log is exactly one of: delivered (a
 * message naming it reached the phone), held by policy (the desk's durable note in {@code alarm_hold} says
 * why it was never sent, e.g. offline while the dongle was unplugged, flapping), or lost.
 *
 * @param lost       alarms neither delivered nor held back for a stated reason: must be empty
 * @param duplicates messages beyond the first per alarm (the route has no repeats, so each extra one is a
 *                   duplicate delivery, e.g. a send the gateway could not mark done before a kill -9)
 * @param frames     uplink frames published, counted against what the gateway wrote ({@link FrameLedger}):
 *                   missing and beyond the crash window must be 0; a copy a link sent again after a lost
 *                   connection is rejected as a replay and counted in {@code rejectedByReason}
 * @param framesHeldAtKills frames the dongle or the MQTT radio still held when the gateway was killed (their
 *                   link was down); the next gateway process got them
 * @param slowAnswers times the gateway had not handled every frame sent to it within
 *                   {@link ChildGateway#QUIET_LIMIT} (a stalled link shows here first)
 * @param unansweredJoins join requests sent while their link was up that got no accept within 10 s
 */
record FaultReport(FaultRun.Settings settings, Map<FaultKind, Integer> applied, int raised, int delivered,
                   Map<String, Integer> heldByPolicy, List<Long> lost, int duplicates, int unattributedMessages,
                   FrameLedger.Count frames, long framesRejected,
                   Map<String, Long> rejectedByReason, long framesDroppedByCollars,
                   long framesHeldAtKills, long observations, int gatewayLives, long slowAnswers,
                   long unansweredJoins, Duration real, Duration drain, List<String> apiViolations) {

    static FaultReport of(FaultRun.Settings s, Map<FaultKind, Integer> applied, List<StoredAlarm> raised,
                          List<AlarmHold> holds, List<Delivered> inbox, FrameLedger.Count frames, long dropped,
                          Map<String, Long> rejectedByReason,
                          long heldAtKills, List<GatewayChild.Frames> lives, long slowAnswers, long unansweredJoins,
                          Duration real, Duration drain, List<String> violations) {
        Map<Long, Integer> messages = messagesByAlarm(inbox);
        Map<Long, AlarmHold> unsent = new HashMap<>();
        holds.stream().filter(AlarmHold::unsent).forEach(h -> unsent.put(h.alarm().value(), h));
        // a critical alarm's chart follows as a message of its own, without buttons: not unattributed
        int unattributed = (int) inbox.stream().filter(d -> alarmOf(d) < 0 && d.image().isEmpty()).count();
        int delivered = 0;
        int duplicates = 0;
        Map<String, Integer> held = new TreeMap<>();
        List<Long> lost = new ArrayList<>();
        for (StoredAlarm a : raised) {
            long id = a.id().value();
            Integer n = messages.get(id);
            if (n != null) {
                delivered++;
                duplicates += n - 1;
            } else if (unsent.containsKey(id)) {
                held.merge(unsent.get(id).reason().label(), 1, Integer::sum);
            } else {
                lost.add(id);
            }
        }
        long rejected = lives.stream().mapToLong(GatewayChild.Frames::rejected).sum();
        long observations = lives.stream().mapToLong(GatewayChild.Frames::observations).sum();
        Map<FaultKind, Integer> kinds = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            kinds.put(k, applied.getOrDefault(k, 0));
        }
        return new FaultReport(s, kinds, raised.size(), delivered, held, List.copyOf(lost), duplicates, unattributed,
                frames, rejected, Map.copyOf(rejectedByReason), dropped, heldAtKills, observations, lives.size(), slowAnswers,
                unansweredJoins, real, drain, List.copyOf(violations));
    }

    /** Messages per alarm id, from the alarm id in each message's button payloads ({@code ack:17}). */
    static Map<Long, Integer> messagesByAlarm(List<Delivered> inbox) {
        Map<Long, Integer> m = new TreeMap<>();
        for (Delivered d : inbox) {
            long id = alarmOf(d);
            if (id >= 0) {
                m.merge(id, 1, Integer::sum);
            }
        }
        return m;
    }

    private static long alarmOf(Delivered d) {
        for (Delivered.Button b : d.buttons()) {
            int colon = b.payload().indexOf(':');
            if (colon > 0) {
                try {
                    return Long.parseLong(b.payload().substring(colon + 1));
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
        return -1;
    }

    /** The summary table. */
    String table() {
        StringBuilder b = new StringBuilder();
        b.append("Fault suite: seed ").append(settings.seed()).append(", ").append(settings.cows()).append(" cows, ")
                .append(settings.span().toHours()).append(" h simulated + ").append(drain.toMinutes())
                .append(" min drain, ").append(real.toSeconds()).append(" s real\n");
        b.append(String.format("  %-22s %6s%n", "fault", "count"));
        applied.forEach((k, n) -> b.append(String.format("  %-22s %6d%n", k.name().toLowerCase(java.util.Locale.ROOT), n)));
        b.append(String.format("  %-22s %6d%n", "gateway processes", gatewayLives));
        b.append(String.format("  %-22s %6d%n", "alarms raised", raised));
        b.append(String.format("  %-22s %6d%n", "alarms delivered", delivered));
        heldByPolicy.forEach((r, n) -> b.append(String.format("  %-22s %6d  (%s)%n", "alarms held by policy", n, r)));
        b.append(String.format("  %-22s %6d  %s%n", "alarms LOST", lost.size(), lost.isEmpty() ? "" : "ids " + lost));
        b.append(String.format("  %-22s %6d%n", "duplicate deliveries", duplicates));
        b.append(String.format("  %-22s %6d%n", "messages w/o alarm id", unattributedMessages));
        b.append(String.format("  %-22s %6d  (uplinks of the collars' sessions, joins not counted)%n", "frames published",
                frames.published()));
        b.append(String.format("  %-22s %6d  (the gateway's durable per-collar tally)%n", "frames accepted+written",
                frames.accepted()));
        b.append(String.format("  %-22s %6d  (accepted, not yet written at a kill -9: write-behind)%n", "frames lost at a kill",
                frames.lostAtKills()));
        b.append(String.format("  %-22s %6d  (of those, older than the flush interval at the kill)%n", "  BEYOND the interval",
                frames.beyondWindow()));
        b.append(String.format("  %-22s %6d%n", "frames accepted twice", frames.acceptedTwice()));
        b.append(String.format("  %-22s %6d  %s%n", "frames rejected", framesRejected, new TreeMap<>(rejectedByReason)));
        b.append(String.format("  %-22s %6d%n", "frames dropped (collar buffer full)", framesDroppedByCollars));
        b.append(String.format("  %-22s %6d  %s%n", "frames MISSING", frames.missing(),
                frames.missingByCollar().isEmpty() ? "" : "by collar " + frames.missingByCollar()));
        if (frames.earlierSessions() > 0) {
            b.append(String.format("  %-22s %6d%n", "frames of ended sessions (not countable)", frames.earlierSessions()));
        }
        b.append(String.format("  %-22s %6d  (their link was down; the next process got them)%n", "frames held at a kill",
                framesHeldAtKills));
        b.append(String.format("  %-22s %6d%n", "cow-minutes observed", observations));
        b.append(String.format("  %-22s %6d%n", "answers not quiet in 10 s", slowAnswers));
        b.append(String.format("  %-22s %6d%n", "join requests unanswered", unansweredJoins));
        b.append(String.format("  %-22s %6d%n", "Cloud API violations", apiViolations.size()));
        return b.toString();
    }
}
