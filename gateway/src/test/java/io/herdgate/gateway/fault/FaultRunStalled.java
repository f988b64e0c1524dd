package io.herdgate.gateway.fault;

/**
 * A fault run could not go on within its time limits (a phase over its limit, the gateway not answering,
 * not starting, or gone); the message says where it stood and ends with the gateway's last log lines.
 */
final class FaultRunStalled extends RuntimeException {

    FaultRunStalled(String message) {
        super(message);
    }
}
