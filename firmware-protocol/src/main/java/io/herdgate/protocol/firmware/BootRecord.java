package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.ImageId;

import java.util.Optional;

/**
 * The collar's persistent update state, one record in flash written atomically (a real collar writes it
 * to alternating pages with a sequence number, so a torn write leaves the previous record valid).
 *
 * @param activeSlot    the slot holding the confirmed firmware, 0 or 1; the other slot takes updates
 * @param activeVersion version of the confirmed firmware
 * @param staged        the image in the other slot, if any
 * @param last          how the last finished update ended, kept to answer retried commands
 */
record BootRecord(int activeSlot, FirmwareVersion activeVersion, Optional<Staged> staged, Optional<Outcome> last) {

    BootRecord {
        if (activeSlot != 0 && activeSlot != 1) {
            throw new IllegalArgumentException("activeSlot must be 0 or 1: " + activeSlot);
        }
    }

    static BootRecord factory(FirmwareVersion version) {
        return new BootRecord(0, version, Optional.empty(), Optional.empty());
    }

    int updateSlot() {
        return 1 - activeSlot;
    }

    BootRecord withStaged(Staged s) {
        return new BootRecord(activeSlot, activeVersion, Optional.of(s), last);
    }

    BootRecord withoutStaged() {
        return new BootRecord(activeSlot, activeVersion, Optional.empty(), last);
    }

    /** Where a staged image stands. */
    enum Phase {
        /** Bytes {@code [0, nextOffset)} are in the update slot. */
        RECEIVING,
        /** All bytes are in, hash and signature checked. */
        VERIFIED,
        /** Test boot requested; the next boot runs the update slot on trial. */
        TRIAL_PENDING,
        /** Running the update slot on trial; the next boot without a confirm reverts. */
        TRIAL_RUNNING
    }

    /** An image in the update slot. */
    record Staged(FirmwareManifest manifest, byte[] signature, long nextOffset, Phase phase) {

        Staged {
            signature = signature.clone();
        }

        ImageId image() {
            return manifest.image();
        }

        Staged at(long offset) {
            return new Staged(manifest, signature, offset, phase);
        }

        Staged in(Phase p) {
            return new Staged(manifest, signature, nextOffset, p);
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    /** How an update ended: confirmed (running = the new version) or reverted (running = the old one). */
    record Outcome(ImageId image, boolean confirmed, FirmwareVersion running) {
    }
}
