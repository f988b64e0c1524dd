package io.herdgate.gateway.sms;

import io.herdgate.gateway.notify.DeliveryResult;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What a modem's {@code +CMS ERROR: n} (3GPP TS 27.005 §3.2.5, network causes from TS 24.011) or
 * {@code +CME ERROR: n} means for delivery: the number cannot be reached (undeliverable), the modem
 * cannot send at all until someone acts (SIM missing or locked, no service centre: channel down), or
 * worth another try (network busy, no coverage, anything unknown).
 */
final class ModemErrors {

    /** Unassigned number, barred, unidentified subscriber, rejected, not subscribed, bad parameters. */
    private static final Set<Integer> UNDELIVERABLE = Set.of(1, 8, 10, 21, 28, 29, 50, 69, 96, 97, 99, 111, 127,
            304, 305);
    /** SIM not inserted, PIN or PUK required, SIM failure, SIM wrong, no SMSC address. */
    private static final Set<Integer> DOWN = Set.of(310, 311, 312, 313, 315, 316, 317, 318, 330);
    /** Same conditions among the +CME codes of TS 27.007: SIM not inserted, PIN/PUK, failure, wrong. */
    private static final Set<Integer> CME_DOWN = Set.of(10, 11, 12, 13, 15, 16, 17, 18);

    private ModemErrors() {
    }

    static DeliveryResult result(AtResult.Error e, Duration retryAfter) {
        String code = e.kind().equals("ERROR") ? "modem_error" : e.kind().toLowerCase(Locale.ROOT) + "_" + e.code();
        if (e.kind().equals("CMS") && UNDELIVERABLE.contains(e.code())) {
            return new DeliveryResult.Undeliverable(code, e.line());
        }
        if ((e.kind().equals("CMS") && DOWN.contains(e.code())) || (e.kind().equals("CME") && CME_DOWN.contains(e.code()))) {
            return new DeliveryResult.ChannelDown(code, e.line());
        }
        return new DeliveryResult.RetryLater(retryAfter, code, e.line());
    }
}
