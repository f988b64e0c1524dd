package io.herdgate.gateway.fault;

import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.store.StoredAlarm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link FaultRun} found. Every alarm in the gateway's alarm log is exactly one of: delivered (a
 * message naming it reached the phone), held by policy (the desk queued no message and says why, e.g.
 * offline while the dongle was unplugged, flapping), or lost.
 *
 * @param lost       alarms neither delivered nor held back for a stated reason: must be empty
 * @param duplicates messages beyond the first per alarm (the route has no repeats, so each extra one is a
 *                   duplicate delivery, e.g. a send the gateway could not mark done before a kill -9)
 * @param framesMissing frames published and neither accepted, rejected with a reason, nor dropped by a full
 *                   collar buffer
 * @param framesInFlightAtKills frames a collar or the dongle still held when the gateway was killed: they may
 *                   have reached the killed process after its last count (counted nowhere) or have been
 *                   lost with its ingest queue; {@code framesMissing} must not exceed them
 */
record FaultReport(FaultRun.Settings settings, Map<FaultKind, Integer> applied, int raised, int delivered,
                   Map<String, Integer> heldByPolicy, List<Long> lost, int duplicates, int unattributedMessages,
                   long framesPublished, long framesAccepted, long framesRejected, long framesDroppedByCollars,
                   long framesMissing, long framesInFlightAtKills, long observations, int gatewayLives, long slowMinutes, Duration real, Duration drain,
                   List<String> apiViolations) {

    static FaultReport of(FaultRun.Settings s, Map<FaultKind, Integer> applied, List<StoredAlarm> raised,
                          Map<Long, GatewayChild.DeskLine> desk, List<Delivered> inbox, long published, long dropped,
                          long inFlightAtKills, List<GatewayChild.Frames> lives, long slowMinutes, Duration real, Duration drain,
                          List<String> violations) {
        Map<Long, Integer> messages = messagesByAlarm(inbox);
        int unattributed = (int) inbox.stream().filter(d -> alarmOf(d) < 0).count();
        int delivered = 0;
        int duplicates = 0;
        Map<String, Integer> held = new TreeMap<>();
        List<Long> lost = new ArrayList<>();
        for (StoredAlarm a : raised) {
            long id = a.id().value();
            Integer n = messages.get(id);
            GatewayChild.DeskLine line = desk.get(id);
            if (n != null) {
                delivered++;
                duplicates += n - 1;
            } else if (line != null && line.messages() == 0 && !line.note().equals("-")) {
                held.merge(reason(line.note()), 1, Integer::sum);
            } else {
                lost.add(id);
            }
        }
        long accepted = lives.stream().mapToLong(GatewayChild.Frames::accepted).sum();
        long rejected = lives.stream().mapToLong(GatewayChild.Frames::rejected).sum();
        long observations = lives.stream().mapToLong(GatewayChild.Frames::observations).sum();
        long missing = Math.max(0, published - dropped - accepted - rejected);
        Map<FaultKind, Integer> kinds = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            kinds.put(k, applied.getOrDefault(k, 0));
        }
        return new FaultReport(s, kinds, raised.size(), delivered, held, List.copyOf(lost), duplicates, unattributed,
                published, accepted, rejected, dropped, missing, inFlightAtKills, observations, lives.size(), slowMinutes, real, drain,
                List.copyOf(violations));
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

    /** The desk's note without its times: "held: flapping, waiting until ..." becomes "held: flapping". */
    private static String reason(String note) {
        int cut = note.indexOf(',');
        int until = note.indexOf(" until ");
        int end = cut > 0 ? cut : until > 0 ? until : note.length();
        return note.substring(0, end);
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
        b.append(String.format("  %-22s %6d%n", "frames published", framesPublished));
        b.append(String.format("  %-22s %6d%n", "frames accepted", framesAccepted));
        b.append(String.format("  %-22s %6d  (bad MIC, replays incl. re-sent duplicates, ...)%n", "frames rejected", framesRejected));
        b.append(String.format("  %-22s %6d%n", "frames dropped (collar buffer full)", framesDroppedByCollars));
        b.append(String.format("  %-22s %6d  (at most the %d held by links at a kill -9)%n", "frames missing",
                framesMissing, framesInFlightAtKills));
        b.append(String.format("  %-22s %6d%n", "cow-minutes observed", observations));
        b.append(String.format("  %-22s %6d%n", "minutes not quiet in 10 s", slowMinutes));
        b.append(String.format("  %-22s %6d%n", "Cloud API violations", apiViolations.size()));
        return b.toString();
    }
}
