package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;

/** How a firmware update ended, as the gateway reports it to the installer. */
public sealed interface UpdateOutcome {

    /** The new image runs and is confirmed. */
    record Updated(FirmwareVersion running) implements UpdateOutcome {
        public static Updated of(FirmwareVersion running) {
            return new Updated(running);
        }
    }

    /** The collar refused the image; retrying the same image will not help. */
    record Rejected(FirmwareReply.Reason reason) implements UpdateOutcome {
        public static Rejected of(FirmwareReply.Reason reason) {
            return new Rejected(reason);
        }
    }

    /** The collar reset during the test boot and went back to {@code running}. */
    record Reverted(FirmwareVersion running) implements UpdateOutcome {
        public static Reverted of(FirmwareVersion running) {
            return new Reverted(running);
        }
    }

    /**
     * The update stopped before an answer from the collar settled it.
     *
     * @param reason    why
     * @param detail    what happened, for the installer (e.g. the I/O error)
     * @param resumable true if starting the same update again continues where this one stopped
     */
    record Failed(Reason reason, String detail, boolean resumable) implements UpdateOutcome {
        public static Failed of(Reason reason, String detail, boolean resumable) {
            return new Failed(reason, detail, resumable);
        }

        /** Why an update failed. */
        public enum Reason {
            /** The collar stopped answering after every retry. */
            NO_REPLY,
            /** The serial or MQTT link failed. */
            LINK_LOST,
            /** The collar dropped the staged image on an abort. */
            ABORTED,
            /** The collar answered something impossible (e.g. an offset past the image). */
            PROTOCOL_ERROR
        }
    }
}
