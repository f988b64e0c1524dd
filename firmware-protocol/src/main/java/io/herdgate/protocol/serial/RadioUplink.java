package io.herdgate.protocol.serial;

import java.util.Objects;

/**
 * A radio frame the dongle received.
 *
 * @param channel      radio channel index, 0..255 (the dongle's channel plan)
 * @param rssiDbm      received signal strength in dBm, -128..127
 * @param snrQuarterDb signal-to-noise ratio in units of 0.25 dB, -128..127 (-32.00..+31.75 dB)
 * @param rxTimeMs     the dongle's uptime clock at the end of reception, ms, 0..2^32-1 (wraps after ~49.7 days)
 * @param frame        the frame as received
 */
public record RadioUplink(int channel, int rssiDbm, int snrQuarterDb, long rxTimeMs, RadioFrame frame)
        implements DongleRecord {

    public RadioUplink {
        Fields.checkU8("channel", channel);
        Fields.checkI8("rssiDbm", rssiDbm);
        Fields.checkI8("snrQuarterDb", snrQuarterDb);
        Fields.checkU32("rxTimeMs", rxTimeMs);
        Objects.requireNonNull(frame, "frame");
    }

    public static RadioUplink of(int channel, int rssiDbm, int snrQuarterDb, long rxTimeMs, RadioFrame frame) {
        return new RadioUplink(channel, rssiDbm, snrQuarterDb, rxTimeMs, frame);
    }

    /** The SNR in dB. */
    public double snrDb() {
        return snrQuarterDb / 4.0;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.RADIO_UPLINK;
    }
}
