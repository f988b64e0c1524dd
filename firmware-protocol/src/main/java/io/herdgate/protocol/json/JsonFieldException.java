package io.herdgate.protocol.json;

/** A JSON field that is missing, of the wrong JSON type, out of range or unknown; the message names it. */
final class JsonFieldException extends Exception {

    JsonFieldException(String message) {
        super(message, null, false, false);
    }
}
