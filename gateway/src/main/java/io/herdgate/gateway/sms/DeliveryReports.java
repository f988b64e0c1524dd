package io.herdgate.gateway.sms;

import io.herdgate.gateway.notify.DeliveryStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which sent message a {@code +CDS} status report is about: a message of several parts is DELIVERED
 * once every part is, FAILED as soon as one part failed; later reports for it are ignored. Message
 * references wrap at 256, so only the latest {@value #MEMORY} references are kept. Thread-safe.
 */
final class DeliveryReports {

    static final int MEMORY = 256;

    /** A sent message whose delivery reports are awaited. */
    private static final class Pending {
        final String providerId;
        final Set<Integer> waiting;
        boolean done;

        Pending(String providerId, List<Integer> references) {
            this.providerId = providerId;
            this.waiting = new HashSet<>(references);
        }
    }

    private final Map<Integer, Pending> byReference = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Pending> eldest) {
            return size() > MEMORY;
        }
    };

    /** Awaits reports for the parts {@code references} of the message {@code providerId}. */
    synchronized void sent(String providerId, List<Integer> references) {
        Pending p = new Pending(providerId, references);
        references.forEach(mr -> byReference.put(mr, p));
    }

    /** The message's new status after {@code report}, if it has one now. */
    synchronized Optional<DeliveryStatus> report(Unsolicited.StatusReport report, Instant at) {
        if (!report.delivered() && !report.failed()) {
            return Optional.empty(); // the network is still trying
        }
        Pending p = byReference.remove(report.mr());
        if (p == null || p.done) {
            return Optional.empty();
        }
        p.waiting.remove(report.mr());
        if (report.failed()) {
            p.done = true;
            return Optional.of(DeliveryStatus.of(p.providerId, DeliveryStatus.State.FAILED, at,
                    "status report " + report.status() + " for part reference " + report.mr()));
        }
        if (p.waiting.isEmpty()) {
            p.done = true;
            return Optional.of(DeliveryStatus.of(p.providerId, DeliveryStatus.State.DELIVERED, at, ""));
        }
        return Optional.empty();
    }
}
