package io.herdgate.gateway.flash;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.ImageId;

/** What asking {@link FlashService#start} for an update did. */
public sealed interface FlashStart {

    /** The update runs now (from the start, or resuming a saved one). */
    record Started(FlashStatus status) implements FlashStart {
    }

    /** This image is already being sent to the collar; follow that update. */
    record AlreadyRunning(FlashStatus status) implements FlashStart {
    }

    /** Another image is being sent to the collar; wait for it to end. */
    record Busy(CollarEui eui, ImageId running) implements FlashStart {
    }

    /** The collar is on no cow, or has not joined since the gateway started: it cannot be reached. */
    record Unreachable(CollarEui eui, String reason) implements FlashStart {
    }
}
