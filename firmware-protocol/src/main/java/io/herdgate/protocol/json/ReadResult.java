package io.herdgate.protocol.json;

import io.herdgate.protocol.message.Message;

/** The outcome of reading a message from JSON: the {@link Ok message} or why the text is {@link Invalid}. */
public sealed interface ReadResult permits ReadResult.Ok, ReadResult.Invalid {

    /** The text held {@code message}. */
    record Ok(Message message) implements ReadResult {
    }

    /** The text is not a valid message; {@code error} names the field and the allowed values. */
    record Invalid(String error) implements ReadResult {
    }
}
