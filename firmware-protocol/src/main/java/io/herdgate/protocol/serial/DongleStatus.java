package io.herdgate.protocol.serial;

/**
 * The dongle's heartbeat. Counters count since the dongle booted and wrap at 2^32; a smaller uptime than
 * in the previous heartbeat means the dongle restarted.
 *
 * @param uptimeMs      ms since the dongle booted, 0..2^32-1
 * @param framesHeard   radio frames the dongle's radio received, including dropped ones, 0..2^32-1
 * @param framesDropped of those, frames dropped (radio CRC error or full queue), 0..2^32-1
 */
public record DongleStatus(long uptimeMs, long framesHeard, long framesDropped) implements DongleRecord {

    public DongleStatus {
        Fields.checkU32("uptimeMs", uptimeMs);
        Fields.checkU32("framesHeard", framesHeard);
        Fields.checkU32("framesDropped", framesDropped);
    }

    public static DongleStatus of(long uptimeMs, long framesHeard, long framesDropped) {
        return new DongleStatus(uptimeMs, framesHeard, framesDropped);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.DONGLE_STATUS;
    }
}
