package io.herdgate.gateway.phone;

import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.TemplateCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the fake Cloud API behaves.
 *
 * @param host              address to listen on ({@code 127.0.0.1} by default)
 * @param port              port, 0 for any free one
 * @param phoneNumberId     the only business phone-number id it serves
 * @param accessToken       the only Bearer token it accepts
 * @param appSecret         the key its webhooks are signed with
 * @param clock             time for the 24-hour window, pair rate and timestamps
 * @param pairInterval      least time between two messages to one phone (Meta: 6 s), else 131056
 * @param messagesPerSecond throughput per clock second, else 130429
 * @param statusOrder       how delivery statuses are sent
 * @param seed              seed of the shuffling of statuses
 * @param stall             how long a {@link Fault#TIMEOUT} keeps the caller waiting (real time)
 * @param templates         the approved templates
 */
public record FakeCloudApiSettings(String host, int port, PhoneNumberId phoneNumberId, Secret accessToken,
                                   Secret appSecret, Clock clock, Duration pairInterval, int messagesPerSecond,
                                   StatusOrder statusOrder, long seed, Duration stall, TemplateCatalog templates) {

    /** Whether statuses go out once each in order, or shuffled with some sent twice (as Meta may). */
    public enum StatusOrder { IN_ORDER, SHUFFLED_WITH_DUPLICATES }

    public FakeCloudApiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pairInterval, "pairInterval");
        Objects.requireNonNull(statusOrder, "statusOrder");
        Objects.requireNonNull(stall, "stall");
        Objects.requireNonNull(templates, "templates");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("messagesPerSecond must be >= 1: " + messagesPerSecond);
        }
    }

    /** Loopback, any port, Meta's limits (6 s pair rate, 80 messages/s), statuses in order, the bundled templates. */
    public static FakeCloudApiSettings of(PhoneNumberId phoneNumberId, Secret accessToken, Secret appSecret, Clock clock) {
        return new FakeCloudApiSettings("127.0.0.1", 0, phoneNumberId, accessToken, appSecret, clock,
                Duration.ofSeconds(6), 80, StatusOrder.IN_ORDER, 1, Duration.ofSeconds(3), TemplateCatalog.bundled());
    }

    public FakeCloudApiSettings withStatusOrder(StatusOrder order, long seedValue) {
        return new FakeCloudApiSettings(host, port, phoneNumberId, accessToken, appSecret, clock, pairInterval,
                messagesPerSecond, order, seedValue, stall, templates);
    }

    public FakeCloudApiSettings withStall(Duration d) {
        return new FakeCloudApiSettings(host, port, phoneNumberId, accessToken, appSecret, clock, pairInterval,
                messagesPerSecond, statusOrder, seed, d, templates);
    }

    public FakeCloudApiSettings withHost(String h) {
        return new FakeCloudApiSettings(h, port, phoneNumberId, accessToken, appSecret, clock, pairInterval,
                messagesPerSecond, statusOrder, seed, stall, templates);
    }

    public FakeCloudApiSettings withPort(int p) {
        return new FakeCloudApiSettings(host, p, phoneNumberId, accessToken, appSecret, clock, pairInterval,
                messagesPerSecond, statusOrder, seed, stall, templates);
    }
}
