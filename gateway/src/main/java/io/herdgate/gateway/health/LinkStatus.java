package io.herdgate.gateway.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One link's state for the health report.
 *
 * @param name   the link's configured name, e.g. {@code serial} or {@code mqtt}
 * @param state  its state
 * @param detail one line for a human (last error, port), empty when there is nothing to say
 */
public record LinkStatus(@JsonProperty("name") String name, @JsonProperty("state") LinkState state,
                         @JsonProperty("detail") String detail) {

    public LinkStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }

    public static LinkStatus of(String name, LinkState state, String detail) {
        return new LinkStatus(name, state, detail);
    }

    public static LinkStatus of(String name, LinkState state) {
        return of(name, state, "");
    }
}
