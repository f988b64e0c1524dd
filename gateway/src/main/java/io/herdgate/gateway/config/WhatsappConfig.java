package io.herdgate.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The WhatsApp Cloud API account alarms are sent from.
 *
 * @param apiUrl        base URL of the Graph API (the demo points it at the local fake)
 * @param phoneNumberId the sending number's id in the Meta business account (digits)
 * @param tokenFile     file holding the access token (never in this file)
 * @param appSecret     where the app secret that signs webhooks is: {@code env:NAME} or {@code file:PATH}
 *                      (an absolute path)
 * @param verifyToken   where the webhook verification token is, in the same form
 * @param templatesFile the message templates approved for the account (JSON); empty for the bundled ones
 */
public record WhatsappConfig(URI apiUrl, String phoneNumberId, Path tokenFile, String appSecret, String verifyToken,
                             Optional<Path> templatesFile) {

    public static final URI DEFAULT_API_URL = URI.create("https://graph.facebook.com/v20.0");

    public WhatsappConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(verifyToken, "verifyToken");
        Objects.requireNonNull(templatesFile, "templatesFile");
    }

    public static WhatsappConfig of(URI apiUrl, String phoneNumberId, Path tokenFile, String appSecret,
                                    String verifyToken, Optional<Path> templatesFile) {
        return new WhatsappConfig(apiUrl, phoneNumberId, tokenFile, appSecret, verifyToken, templatesFile);
    }
}
