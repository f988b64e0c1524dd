package io.herdgate.gateway.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the gateway talks to the WhatsApp Cloud API.
 *
 * @param baseUrl           the Graph API root, {@code https://graph.facebook.com} (a test or the demo points it at the fake)
 * @param apiVersion        Graph API version in paths, e.g. {@code v23.0}
 * @param phoneNumberId     the business number messages go out from
 * @param accessToken       system-user access token (Bearer)
 * @param appSecret         the app secret that signs webhooks ({@code X-Hub-Signature-256})
 * @param verifyToken       the token Meta echoes in the webhook verification handshake
 * @param timeout           connect and response timeout of one API call, 1 s..120 s
 * @param messagesPerSecond client-side throughput limit, 1..1000 (Meta's default is 80)
 * @param pairInterval      least time between two messages to one recipient, 0..60 s (Meta: 6 s); 0 switches it off
 * @param zone              the farm's time zone, for the times written in messages
 */
public record WhatsAppSettings(URI baseUrl, String apiVersion, PhoneNumberId phoneNumberId, Secret accessToken,
                               Secret appSecret, Secret verifyToken, Duration timeout, int messagesPerSecond,
                               Duration pairInterval, ZoneId zone) {

    public static final URI GRAPH_API = URI.create("https://graph.facebook.com");
    public static final String API_VERSION = "v23.0";
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final int MESSAGES_PER_SECOND = 20;
    public static final Duration PAIR_INTERVAL = Duration.ofSeconds(6);

    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,3}\\.[0-9]{1,3}");

    public WhatsAppSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(verifyToken, "verifyToken");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pairInterval, "pairInterval");
        Objects.requireNonNull(zone, "zone");
        if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("whatsapp base-url must be an http(s) URL, e.g. " + GRAPH_API + ": '" + baseUrl + "'");
        }
        if (baseUrl.getPath() != null && baseUrl.getPath().matches(".*/v[0-9]+\\.[0-9]+/?")) {
            throw new IllegalArgumentException("whatsapp base-url must not end with the API version, set api-version "
                    + "instead: '" + baseUrl + "'");
        }
        if (!VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("whatsapp api-version must look like " + API_VERSION + ": '" + apiVersion + "'");
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofSeconds(120)) > 0) {
            throw new IllegalArgumentException("whatsapp timeout must be 1s..120s: " + timeout);
        }
        if (messagesPerSecond < 1 || messagesPerSecond > 1000) {
            throw new IllegalArgumentException("whatsapp messages-per-second must be 1..1000: " + messagesPerSecond);
        }
        if (pairInterval.isNegative() || pairInterval.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("whatsapp pair-interval must be 0s..60s: " + pairInterval);
        }
    }

    /** Settings with the defaults: Meta's Graph API v23.0, 10 s timeout, 20 messages/s, 6 s per recipient. */
    public static WhatsAppSettings of(PhoneNumberId phoneNumberId, Secret accessToken, Secret appSecret,
                                      Secret verifyToken, ZoneId zone) {
        return new WhatsAppSettings(GRAPH_API, API_VERSION, phoneNumberId, accessToken, appSecret, verifyToken,
                TIMEOUT, MESSAGES_PER_SECOND, PAIR_INTERVAL, zone);
    }

    /**
     * These settings with another Graph API root; a URL ending with a version
     * ({@code https://graph.facebook.com/v23.0}) sets the version as well.
     */
    public WhatsAppSettings withBaseUrl(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (VERSION.matcher(last).matches()) {
            URI root = url.resolve(path.substring(0, slash + 1));
            return new WhatsAppSettings(root, last, phoneNumberId, accessToken, appSecret, verifyToken, timeout,
                    messagesPerSecond, pairInterval, zone);
        }
        return new WhatsAppSettings(url, apiVersion, phoneNumberId, accessToken, appSecret, verifyToken, timeout,
                messagesPerSecond, pairInterval, zone);
    }

    public WhatsAppSettings withTimeout(Duration t) {
        return new WhatsAppSettings(baseUrl, apiVersion, phoneNumberId, accessToken, appSecret, verifyToken, t,
                messagesPerSecond, pairInterval, zone);
    }

    public WhatsAppSettings withLimits(int perSecond, Duration perRecipient) {
        return new WhatsAppSettings(baseUrl, apiVersion, phoneNumberId, accessToken, appSecret, verifyToken, timeout,
                perSecond, perRecipient, zone);
    }

    /** {@code <base>/<version>/<phone-number-id>/<edge>}. */
    URI endpoint(String edge) {
        return URI.create(phoneNumberNode() + "/" + edge);
    }

    /** {@code <base>/<version>/<phone-number-id>}. */
    URI phoneNumberNode() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + apiVersion + "/" + phoneNumberId);
    }
}
