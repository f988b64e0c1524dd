package io.herdgate.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.codec.FrameCodec;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.message.MessageType;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameParserTest {

    private final byte[] frame = FrameCodec.of(Samples.EUI, Samples.KEYS).encode(Samples.status(), 42, FrameOptions.PLAIN);

    private RejectReason reason(byte[] b) {
        Optional<Rejected> r = FrameParser.check(b, 0, b.length);
        assertTrue(r.isPresent(), "expected a rejection");
        return r.get().reason();
    }

    @Test
    void check_wellFormedFrame_passes() {
        assertEquals(Optional.empty(), FrameParser.check(frame, 0, frame.length));
        FrameHeader h = FrameParser.header(frame, 0);
        assertEquals(FrameHeader.of(0, MessageType.STATUS, Direction.UP, false, false, false, 20, Samples.EUI, 42), h);
        assertEquals(frame.length, h.frameSize());
    }

    @Test
    void check_emptyFrame_isTruncated() {
        assertEquals(RejectReason.TRUNCATED, reason(new byte[0]));
    }

    @Test
    void check_majorVersion2_isUnknownVersionEvenWhenShort() {
        assertEquals(RejectReason.UNKNOWN_VERSION, reason(new byte[] {0x20, 1, 2}));
    }

    @Test
    void check_newerMinorVersion_isAccepted() {
        byte[] b = frame.clone();
        b[0] = 0x1F;
        assertEquals(Optional.empty(), FrameParser.check(b, 0, b.length));
        assertEquals(15, FrameParser.header(b, 0).versionMinor());
    }

    @Test
    void check_everyTruncation_isTruncated() {
        for (int len = 1; len < frame.length; len++) {
            assertEquals(RejectReason.TRUNCATED, reason(Arrays.copyOf(frame, len)), "length " + len);
        }
    }

    @Test
    void check_oneByteTooMany_isTrailingBytes() {
        assertEquals(RejectReason.TRAILING_BYTES, reason(Arrays.copyOf(frame, frame.length + 1)));
    }

    @Test
    void check_declaredPayloadOverTheMaximum_isOversizeBeforeAnyLengthCheck() {
        byte[] b = frame.clone();
        LittleEndian.put(b, FrameLayout.OFFSET_LENGTH, 2, FrameLayout.MAX_PAYLOAD + 1);
        Rejected r = FrameParser.check(b, 0, b.length).orElseThrow();
        assertEquals(RejectReason.OVERSIZE, r.reason());
        assertEquals(Optional.of(Samples.EUI), r.eui());
        assertEquals(42, r.counter().getAsLong());
    }

    @Test
    void check_moreBytesThanTheLargestFrame_isOversize() {
        byte[] b = Arrays.copyOf(frame, FrameLayout.MAX_FRAME + 1);
        assertEquals(RejectReason.OVERSIZE, reason(b));
    }

    @Test
    void check_unassignedType_isUnknownType() {
        byte[] b = frame.clone();
        b[FrameLayout.OFFSET_TYPE] = 0x3F;
        assertEquals(RejectReason.UNKNOWN_TYPE, reason(b));
    }

    @Test
    void check_reservedFlag_isBadHeader() {
        byte[] b = frame.clone();
        b[FrameLayout.OFFSET_FLAGS] |= (byte) 0x10;
        assertEquals(RejectReason.BAD_HEADER, reason(b));
    }

    @Test
    void check_directionFlagContradictingType_isBadHeader() {
        byte[] b = frame.clone();
        b[FrameLayout.OFFSET_FLAGS] |= FrameLayout.FLAG_DOWN;
        assertEquals(RejectReason.BAD_HEADER, reason(b));
    }

    @Test
    void isSound_agreesWithDiagnose_forEveryValueOfEveryHeaderByteAndEveryLength() {
        byte[] b = Arrays.copyOf(frame, FrameLayout.MAX_FRAME + 1);
        for (int at = 0; at < FrameLayout.HEADER_SIZE_SHORT; at++) {
            for (int v = 0; v < 256; v++) {
                byte[] m = b.clone();
                m[at] = (byte) v;
                for (int len = 0; len <= m.length; len++) {
                    assertEquals(FrameParser.diagnose(m, 0, len).isEmpty(), FrameParser.isSound(m, 0, len),
                            "byte " + at + " = " + v + ", length " + len);
                }
            }
        }
    }

    @Test
    void check_atAnOffsetInsideALargerBuffer_readsOnlyItsRange() {
        byte[] buf = new byte[frame.length + 10];
        System.arraycopy(frame, 0, buf, 7, frame.length);
        assertEquals(Optional.empty(), FrameParser.check(buf, 7, frame.length));
        assertEquals(42, FrameParser.header(buf, 7).counter());
    }
}
