package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareReply;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Where {@link UpdateLoop} takes the collar's firmware replies from. */
@FunctionalInterface
public interface ReplySource {

    /**
     * The next firmware reply from the collar, waiting at most {@code timeout}.
     *
     * @return empty if none arrived in time
     * @throws IOException if the link is gone
     */
    Optional<FirmwareReply> next(Duration timeout) throws IOException;
}
