package io.herdgate.gateway.summary;

import io.herdgate.gateway.notify.Recipient;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A contact who gets the daily herd summary.
 *
 * @param to   the recipient (language, phone)
 * @param zone the zone in which the summary time and the day are read (the farm's unless the contact lives
 *             elsewhere, e.g. a vet or owner abroad)
 */
public record SummarySubscriber(Recipient to, ZoneId zone) {

    public SummarySubscriber {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
    }

    public static SummarySubscriber of(Recipient to, ZoneId zone) {
        return new SummarySubscriber(to, zone);
    }
}
