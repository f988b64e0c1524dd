package io.herdgate.protocol.firmware;

/** Where the gateway's side of an update stands; phases only move forward. */
public enum UpdatePhase {
    /** Begin sent; waiting for the collar's next expected offset. */
    BEGIN,
    /** Sending chunks. */
    TRANSFER,
    /** All bytes acknowledged; waiting for the verification result. */
    VERIFY,
    /** Test boot sent; waiting for the collar to run the new image. */
    TEST_BOOT,
    /** Confirm sent; waiting for the collar to make it permanent. */
    CONFIRM,
    /** An outcome is known. */
    DONE
}
