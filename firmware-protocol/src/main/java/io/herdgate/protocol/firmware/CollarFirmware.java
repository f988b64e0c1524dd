package io.herdgate.protocol.firmware;

import io.herdgate.protocol.firmware.BootRecord.Outcome;
import io.herdgate.protocol.firmware.BootRecord.Phase;
import io.herdgate.protocol.firmware.BootRecord.Staged;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareCommand.Abort;
import io.herdgate.protocol.message.FirmwareCommand.Begin;
import io.herdgate.protocol.message.FirmwareCommand.Chunk;
import io.herdgate.protocol.message.FirmwareCommand.Confirm;
import io.herdgate.protocol.message.FirmwareCommand.TestBoot;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareReply.Reason;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.ImageId;

import java.util.Optional;

/**
 * The collar side of a firmware update: the bootloader and updater of one collar over its
 * {@link SimulatedFlash}. Every command gets exactly one reply, and every command is idempotent, so a
 * gateway may retry anything. The flash is the only state: a reset or power loss is simulated by
 * dropping this object and calling {@link #boot} again on the same flash.
 *
 * <p>The collar never accepts an image whose manifest signature does not verify with the vendor key, nor
 * one whose bytes do not hash to the signed SHA-256. A test boot runs the new image on trial; a reset
 * before {@link Confirm} goes back to the previous image and reports {@link FirmwareReply.Reverted}.
 * Not thread-safe; the collar's single radio task owns it.
 */
public final class CollarFirmware {

    private final SimulatedFlash flash;
    private final VendorKey vendorKey;
    private final int hardware;
    private long restarts;

    private CollarFirmware(SimulatedFlash flash, VendorKey vendorKey, int hardware) {
        this.flash = flash;
        this.vendorKey = vendorKey;
        this.hardware = hardware;
    }

    /**
     * Boots a collar from its flash, as the bootloader does after every reset: a requested test boot
     * starts the trial; a trial still unconfirmed at this boot is reverted.
     *
     * @param hardware this collar's hardware revision, 0..65535; images for another revision are refused
     */
    public static CollarFirmware boot(SimulatedFlash flash, VendorKey vendorKey, int hardware) {
        if (hardware < 0 || hardware > 0xFFFF) {
            throw new IllegalArgumentException("hardware out of 0..65535: " + hardware);
        }
        CollarFirmware collar = new CollarFirmware(flash, vendorKey, hardware);
        collar.bootloader();
        return collar;
    }

    /** The version running now (the trial image's during a test boot). */
    public FirmwareVersion runningVersion() {
        BootRecord r = flash.bootRecord();
        return r.staged().filter(s -> s.phase() == Phase.TRIAL_RUNNING)
                .map(s -> s.manifest().version()).orElse(r.activeVersion());
    }

    /**
     * How often a command restarted the MCU into another image since {@link #boot}: a test boot, or an
     * abort during a trial (back to the old image). A simulator compares it before and after
     * {@link #handle} to reset the rest of the collar as the real MCU would.
     */
    public long restarts() {
        return restarts;
    }

    /** True while a test-booted image runs unconfirmed. */
    public boolean onTrial() {
        return flash.bootRecord().staged().filter(s -> s.phase() == Phase.TRIAL_RUNNING).isPresent();
    }

    /** Handles one command from the gateway and returns the reply to send. */
    public FirmwareReply handle(FirmwareCommand command) {
        ImageId image = command.image();
        Optional<Staged> staged = flash.bootRecord().staged().filter(s -> s.image().equals(image));
        if (command instanceof Begin b) {
            return begin(b);
        }
        if (staged.isEmpty()) {
            return command instanceof Abort && flash.bootRecord().staged().isEmpty()
                    ? FirmwareReply.Aborted.of(image) : state(image);
        }
        Staged s = staged.get();
        if (command instanceof Chunk c) {
            return s.phase() == Phase.RECEIVING ? chunk(s, c) : state(image);
        }
        if (command instanceof TestBoot) {
            return switch (s.phase()) {
                case RECEIVING -> FirmwareReply.Rejected.of(image, Reason.NOT_VERIFIED);
                case VERIFIED -> testBoot(s);
                default -> state(image);
            };
        }
        if (command instanceof Confirm) {
            return s.phase() == Phase.TRIAL_RUNNING ? confirm(s) : FirmwareReply.Rejected.of(image, Reason.NOT_BOOTED);
        }
        if (command instanceof Abort) {
            return abort(s);
        }
        return state(image); // Verify and StatusQuery report where the image stands
    }

    private FirmwareReply begin(Begin b) {
        FirmwareManifest manifest = FirmwareManifest.of(b.sizeBytes(), b.sha256(), b.version(), b.hardware());
        ImageId image = manifest.image();
        BootRecord r = flash.bootRecord();
        boolean sameStaged = r.staged().filter(s -> s.image().equals(image)).isPresent();
        boolean alreadyRunning = r.last().filter(o -> o.image().equals(image) && o.confirmed()).isPresent();
        if (sameStaged || alreadyRunning) {
            return state(image); // a resumed update: say where it stands
        }
        if (!vendorKey.verifies(manifest, b.signature())) {
            return FirmwareReply.Rejected.of(image, Reason.BAD_SIGNATURE);
        }
        if (manifest.hardware() != hardware) {
            return FirmwareReply.Rejected.of(image, Reason.WRONG_HARDWARE);
        }
        if (manifest.sizeBytes() > flash.slotBytes()) {
            return FirmwareReply.Rejected.of(image, Reason.TOO_LARGE);
        }
        if (manifest.version().compareTo(r.activeVersion()) < 0) {
            return FirmwareReply.Rejected.of(image, Reason.DOWNGRADE);
        }
        if (onTrial()) {
            return FirmwareReply.Rejected.of(image, Reason.WRONG_IMAGE);
        }
        // A new image replaces any other staged one: its download was abandoned.
        flash.erase(r.updateSlot());
        flash.writeBootRecord(r.withStaged(new Staged(manifest, b.signature(), 0, Phase.RECEIVING)));
        return FirmwareReply.NextOffset.of(image, 0);
    }

    private FirmwareReply chunk(Staged s, Chunk c) {
        long next = s.nextOffset();
        if (c.end() > s.manifest().sizeBytes()) {
            return FirmwareReply.Rejected.of(s.image(), Reason.BAD_OFFSET);
        }
        if (c.offset() > next || c.end() <= next) {
            return FirmwareReply.NextOffset.of(s.image(), next); // a gap or a duplicate: ask for what is missing
        }
        BootRecord r = flash.bootRecord();
        int skip = (int) (next - c.offset());
        flash.write(r.updateSlot(), next, c.data(), skip, (int) (c.end() - next));
        Staged advanced = s.at(c.end());
        if (c.end() < s.manifest().sizeBytes()) {
            flash.writeBootRecord(r.withStaged(advanced));
            return FirmwareReply.NextOffset.of(s.image(), c.end());
        }
        return verify(r, advanced);
    }

    private FirmwareReply verify(BootRecord r, Staged s) {
        byte[] image = flash.read(r.updateSlot(), 0, (int) s.manifest().sizeBytes());
        // The signature was checked at begin; check it again against what is stored, as a bootloader must.
        Optional<Reason> problem = !vendorKey.verifies(s.manifest(), s.signature()) ? Optional.of(Reason.BAD_SIGNATURE)
                : !s.manifest().matches(image) ? Optional.of(Reason.HASH_MISMATCH) : Optional.empty();
        if (problem.isPresent()) {
            flash.erase(r.updateSlot());
            flash.writeBootRecord(r.withoutStaged());
            return FirmwareReply.Rejected.of(s.image(), problem.get());
        }
        flash.writeBootRecord(r.withStaged(s.in(Phase.VERIFIED)));
        return FirmwareReply.Verified.of(s.image());
    }

    private FirmwareReply testBoot(Staged s) {
        flash.writeBootRecord(flash.bootRecord().withStaged(s.in(Phase.TRIAL_PENDING)));
        restarts++;
        bootloader(); // the reset into the new image
        return state(s.image());
    }

    private FirmwareReply confirm(Staged s) {
        BootRecord r = flash.bootRecord();
        FirmwareVersion version = s.manifest().version();
        flash.writeBootRecord(new BootRecord(r.updateSlot(), version, Optional.empty(),
                Optional.of(new Outcome(s.image(), true, version))));
        return FirmwareReply.Confirmed.of(s.image(), version);
    }

    private FirmwareReply abort(Staged s) {
        BootRecord r = flash.bootRecord();
        if (s.phase() == Phase.TRIAL_RUNNING) {
            revert(r, s); // leaving a trial means restarting into the confirmed image
            restarts++;
            return state(s.image());
        }
        flash.erase(r.updateSlot());
        flash.writeBootRecord(r.withoutStaged());
        return FirmwareReply.Aborted.of(s.image());
    }

    /** Where the update of {@code image} stands, as the reply to a retried or status command. */
    private FirmwareReply state(ImageId image) {
        BootRecord r = flash.bootRecord();
        if (r.staged().isPresent()) {
            Staged s = r.staged().get();
            if (!s.image().equals(image)) {
                return FirmwareReply.Rejected.of(image, Reason.WRONG_IMAGE);
            }
            return switch (s.phase()) {
                case RECEIVING -> FirmwareReply.NextOffset.of(image, s.nextOffset());
                case VERIFIED -> FirmwareReply.Verified.of(image);
                case TRIAL_PENDING, TRIAL_RUNNING -> FirmwareReply.Booted.of(image, s.manifest().version());
            };
        }
        return r.last().filter(o -> o.image().equals(image))
                .<FirmwareReply>map(o -> o.confirmed() ? FirmwareReply.Confirmed.of(image, o.running())
                        : FirmwareReply.Reverted.of(image, o.running()))
                .orElseGet(() -> FirmwareReply.Rejected.of(image, Reason.NO_UPDATE_IN_PROGRESS));
    }

    /** What the bootloader does at every reset, before the application runs. */
    private void bootloader() {
        BootRecord r = flash.bootRecord();
        r.staged().ifPresent(s -> {
            if (s.phase() == Phase.TRIAL_PENDING) {
                flash.writeBootRecord(r.withStaged(s.in(Phase.TRIAL_RUNNING)));
            } else if (s.phase() == Phase.TRIAL_RUNNING) {
                revert(r, s); // the trial image reset before it was confirmed
            }
        });
    }

    private void revert(BootRecord r, Staged s) {
        flash.writeBootRecord(new BootRecord(r.activeSlot(), r.activeVersion(), Optional.empty(),
                Optional.of(new Outcome(s.image(), false, r.activeVersion()))));
    }

    @Override
    public String toString() {
        return "CollarFirmware[running=" + runningVersion() + ", trial=" + onTrial() + "]";
    }
}
