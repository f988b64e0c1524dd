package io.herdgate.sim.collar;

import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;

import java.time.Instant;
import java.util.List;

/**
 * The collar-side firmware update, as the simulated collar sees it: it hands every firmware command
 * here and sends back the replies. The collar-side update state machine plugs in behind this interface.
 */
public interface FirmwareAgent {

    /** The firmware running now (reported in join requests and status frames). */
    FirmwareVersion running();

    /** Handles one command at simulated time {@code now}; returns the replies to send, oldest first. */
    List<FirmwareReply> handle(FirmwareCommand command, Instant now);

    /** A collar that cannot be updated: it runs {@code version} and ignores firmware commands. */
    static FirmwareAgent fixed(FirmwareVersion version) {
        return new FirmwareAgent() {
            @Override
            public FirmwareVersion running() {
                return version;
            }

            @Override
            public List<FirmwareReply> handle(FirmwareCommand command, Instant now) {
                return List.of();
            }
        };
    }
}
