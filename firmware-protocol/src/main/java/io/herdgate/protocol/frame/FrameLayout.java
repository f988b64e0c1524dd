package io.herdgate.protocol.frame;

/**
 * Byte offsets, sizes, flag bits and limits of a protocol frame (see {@code PROTOCOL.md}, "Frame").
 * All multi-byte fields are little-endian.
 *
 * <pre>
 * off  size  field
 *   0   1    version: major (high nibble), minor (low nibble)
 *   1   1    type (MessageType code)
 *   2   1    flags (FLAG_*)
 *   3   2    payload length N, 0..MAX_PAYLOAD
 *   5   8    collar EUI
 *  13   4|2  frame counter: 32 bits, or its low 16 bits when FLAG_SHORT_COUNTER is set
 *  17|15 N   payload
 *  ...  4    MIC
 * </pre>
 */
public final class FrameLayout {

    /** The major version this code speaks; frames with another major are rejected. */
    public static final int VERSION_MAJOR = 1;
    /** The minor version this code writes; newer minors may append payload fields, which are skipped. */
    public static final int VERSION_MINOR = 0;
    /** The version byte this code writes. */
    public static final int VERSION_BYTE = VERSION_MAJOR << 4 | VERSION_MINOR;

    public static final int OFFSET_VERSION = 0;
    public static final int OFFSET_TYPE = 1;
    public static final int OFFSET_FLAGS = 2;
    public static final int OFFSET_LENGTH = 3;
    public static final int OFFSET_EUI = 5;
    public static final int OFFSET_COUNTER = 13;

    /** Header size with the 32-bit counter on air. */
    public static final int HEADER_SIZE = 17;
    /** Header size with the 16-bit counter on air. */
    public static final int HEADER_SIZE_SHORT = 15;
    /** Size of the MIC at the end of every frame. */
    public static final int MIC_SIZE = 4;
    /**
     * Largest frame on air: 255 bytes, the largest payload of the collar radio's physical layer (LoRa) and
     * the largest radio frame of the serial link.
     */
    public static final int MAX_FRAME = 255;
    /**
     * Largest payload a frame may carry (234 bytes: the largest frame less the 32-bit-counter header and
     * MIC); the length field is checked against it before anything is allocated.
     */
    public static final int MAX_PAYLOAD = MAX_FRAME - HEADER_SIZE - MIC_SIZE;
    /** Smallest well-formed frame: short header, empty payload, MIC. */
    public static final int MIN_FRAME = HEADER_SIZE_SHORT + MIC_SIZE;

    /** Flags bit 0: direction, 0 = up (collar to gateway), 1 = down. */
    public static final int FLAG_DOWN = 0x01;
    /** Flags bit 1: the payload is encrypted (AES-CTR with the payload key). */
    public static final int FLAG_ENCRYPTED = 0x02;
    /** Flags bit 2: the sender asks for an {@code Ack} of this frame. */
    public static final int FLAG_ACK_REQUESTED = 0x04;
    /** Flags bit 3: only the low 16 bits of the frame counter are on air. */
    public static final int FLAG_SHORT_COUNTER = 0x08;
    /** Flags bits 4..7: reserved, must be 0 in major version 1. */
    public static final int FLAGS_RESERVED = 0xF0;

    /**
     * Largest forward step of the frame counter a receiver accepts from a 16-bit counter on air; a
     * sender that may have sent more frames than this since the receiver last heard it uses 32 bits.
     */
    public static final int MAX_SHORT_COUNTER_GAP = 16_384;

    private FrameLayout() {
    }

    /** Header size for the given counter width. */
    public static int headerSize(boolean shortCounter) {
        return shortCounter ? HEADER_SIZE_SHORT : HEADER_SIZE;
    }
}
