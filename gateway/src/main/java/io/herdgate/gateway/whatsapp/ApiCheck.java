package io.herdgate.gateway.whatsapp;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link WhatsAppChannel#warmUp()} found when it asked the Cloud API for the business phone number's own
 * node ({@code GET /{version}/{phone-number-id}}), the cheapest authenticated call the API has.
 */
public sealed interface ApiCheck {

    /** The API knows the number and took the token; {@code took} is the call's round trip. */
    record Ready(String displayPhoneNumber, String verifiedName, String qualityRating, Duration took) implements ApiCheck {
    }

    /**
     * The API refused the call: the token (190, expired or revoked), a permission (10, 200) or the phone number
     * id (100, no such object). Nothing will go out until the installer fixes the configuration.
     */
    record Refused(GraphError error) implements ApiCheck {
    }

    /** No usable answer (network, timeout, a 5xx): alarms are retried and may still go out once it is back. */
    record Unreachable(String code, String reason) implements ApiCheck {
    }

    /** A line for the gateway's health report when the installer has to act; empty otherwise. */
    default Optional<String> healthNote() {
        if (!(this instanceof Refused r)) {
            return Optional.empty();
        }
        return Optional.of(r.error().code() == ErrorPolicy.TOKEN
                ? "whatsapp access token refused (190): replace the token in whatsapp.token_file and restart"
                : "whatsapp API refused the phone number check (" + r.error().code() + ": " + r.error().message()
                + "); check whatsapp.phone_number_id and the token's permissions");
    }
}
