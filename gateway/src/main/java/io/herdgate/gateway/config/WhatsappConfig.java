package io.herdgate.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The WhatsApp Cloud API account alarms are sent from.
 *
 * @param apiUrl        base URL of the Graph API (the demo points it at the local fake)
 * @param phoneNumberId the sending number's id in the Meta business account (digits)
 * @param tokenFile     file holding the access token (never in this file)
 */
public record WhatsappConfig(URI apiUrl, String phoneNumberId, Path tokenFile) {

    public static final URI DEFAULT_API_URL = URI.create("https://graph.facebook.com/v20.0");

    public WhatsappConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(tokenFile, "tokenFile");
    }

    public static WhatsappConfig of(URI apiUrl, String phoneNumberId, Path tokenFile) {
        return new WhatsappConfig(apiUrl, phoneNumberId, tokenFile);
    }
}
