package io.herdgate.sim.collar;

import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;

import java.time.Instant;
import java.util.List;

/**
 * The collar-side firmware update, as the simulated collar sees it: every firmware command goes here
 * and the replies go back on air. {@link #updatable} plugs in the real collar-side state machine
 * ({@link io.herdgate.protocol.firmware.CollarFirmware}); {@link #fixed} is a collar that cannot be
 * updated.
 */
public interface FirmwareAgent {

    /** The firmware running now (reported in join requests and status frames). */
    FirmwareVersion running();

    /** Handles one command at simulated time {@code now}. */
    Response handle(FirmwareCommand command, Instant now);

    /** The MCU reset for another reason (watchdog, brown-out...): the bootloader runs again. */
    void reset();

    /**
     * What a command produced.
     *
     * @param replies  replies to send, oldest first
     * @param rebooted the command restarted the MCU into another image (a test boot): the collar resets
     *                 and joins again; the bootloader has already run
     */
    record Response(List<FirmwareReply> replies, boolean rebooted) {

        public Response {
            replies = List.copyOf(replies);
        }

        public static Response of(List<FirmwareReply> replies, boolean rebooted) {
            return new Response(replies, rebooted);
        }
    }

    /** A collar that cannot be updated: it runs {@code version} and ignores firmware commands. */
    static FirmwareAgent fixed(FirmwareVersion version) {
        return new FirmwareAgent() {
            @Override
            public FirmwareVersion running() {
                return version;
            }

            @Override
            public Response handle(FirmwareCommand command, Instant now) {
                return Response.of(List.of(), false);
            }

            @Override
            public void reset() {
                // nothing survives or changes
            }
        };
    }

    /** A collar whose updater and bootloader are the protocol's collar-side state machine over {@code flash}. */
    static FirmwareAgent updatable(io.herdgate.protocol.firmware.SimulatedFlash flash,
                                   io.herdgate.protocol.firmware.VendorKey vendorKey, int hardware) {
        return UpdatableFirmware.boot(flash, vendorKey, hardware);
    }
}
