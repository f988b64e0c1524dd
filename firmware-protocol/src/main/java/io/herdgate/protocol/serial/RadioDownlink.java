package io.herdgate.protocol.serial;

import java.util.Objects;

/**
 * A radio frame for the dongle to transmit as soon as the channel is free; the dongle answers with a
 * {@link TxDone} carrying the same tag.
 *
 * @param tag        echoed in the {@link TxDone}
 * @param channel    radio channel index, 0..255
 * @param txPowerDbm transmit power in dBm, -128..127; the dongle clamps it to its legal maximum
 * @param frame      the frame to send
 */
public record RadioDownlink(TxTag tag, int channel, int txPowerDbm, RadioFrame frame) implements DongleRecord {

    public RadioDownlink {
        Objects.requireNonNull(tag, "tag");
        Fields.checkU8("channel", channel);
        Fields.checkI8("txPowerDbm", txPowerDbm);
        Objects.requireNonNull(frame, "frame");
    }

    public static RadioDownlink of(TxTag tag, int channel, int txPowerDbm, RadioFrame frame) {
        return new RadioDownlink(tag, channel, txPowerDbm, frame);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.RADIO_DOWNLINK;
    }
}
