package io.herdgate.protocol.frame;

/** Whether a decoded frame's MIC was verified. */
public enum MicCheck {
    /** Verified with the collar's key. */
    OK,
    /** Not checked: no key was available (inspection tools only; a gateway never accepts such a frame). */
    UNCHECKED
}
