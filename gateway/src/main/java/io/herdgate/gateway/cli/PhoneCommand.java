package io.herdgate.gateway.cli;

import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.WhatsAppWebhook;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herdgate phone}: the fake WhatsApp Cloud API with the farmer's phone page, standalone. */
@Command(name = "phone", mixinStandardHelpOptions = true,
        description = {
                "Runs a stand-in for the WhatsApp Cloud API, for trying the gateway without a Meta account: "
                        + "it accepts what Meta accepts (checked against Meta's OpenAPI document and the approved "
                        + "templates), shows every message at /phone, and sends signed delivery statuses and the "
                        + "buttons tapped on that page to the gateway's webhook.",
                "Point the gateway's WhatsApp base URL at the printed address and give both the same access "
                        + "token and app secret. Stops on Ctrl-C or after --for."})
public final class PhoneCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8099", description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--phone-number-id", defaultValue = "106540352242922",
            description = "The business phone-number id it serves (default: ${DEFAULT-VALUE}).")
    String phoneNumberId;

    @Option(names = "--token", paramLabel = "REF", defaultValue = "env:HERDGATE_WHATSAPP_TOKEN",
            description = "Where the access token is: env:NAME or file:PATH (default: ${DEFAULT-VALUE}).")
    String token;

    @Option(names = "--app-secret", paramLabel = "REF", defaultValue = "env:HERDGATE_WHATSAPP_APP_SECRET",
            description = "Where the app secret that signs webhooks is: env:NAME or file:PATH (default: ${DEFAULT-VALUE}).")
    String appSecret;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "The gateway's webhook, e.g. http://127.0.0.1:8080" + WhatsAppWebhook.PATH + " (none: webhooks are dropped).")
    Optional<URI> webhook;

    @Option(names = "--shuffle-statuses", description = "Send statuses out of order and some twice, as Meta may.")
    boolean shuffle;

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 30m (default: until Ctrl-C).")
    Optional<Duration> duration;

    @Override
    public Integer call() throws InterruptedException {
        FakeCloudApiSettings settings;
        try {
            settings = FakeCloudApiSettings.of(PhoneNumberId.of(phoneNumberId), Secret.read(token, System.getenv()),
                    Secret.read(appSecret, System.getenv()), Clock.systemUTC()).withPort(port).withHost(host);
            if (shuffle) {
                settings = settings.withStatusOrder(FakeCloudApiSettings.StatusOrder.SHUFFLED_WITH_DUPLICATES, System.nanoTime());
            }
            if (webhook.isPresent() && !"http".equals(webhook.get().getScheme()) && !"https".equals(webhook.get().getScheme())) {
                throw new IllegalArgumentException("--webhook must be an http(s) URL: '" + webhook.get() + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (FakeCloudApi fake = FakeCloudApi.start(settings)) {
            webhook.ifPresent(fake::webhookTo);
            Thread hook = new Thread(stop::countDown, "herdgate-phone-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            PrintWriter out = spec.commandLine().getOut();
            out.println("WhatsApp Cloud API stand-in at " + fake.baseUrl() + " (phone-number id " + phoneNumberId + ")");
            out.println("farmer's phone: " + fake.baseUrl() + "/phone");
            out.println("webhooks to: " + webhook.map(URI::toString).orElse("nowhere (no --webhook)"));
            out.flush();
            if (duration.isPresent()) {
                stop.await(duration.get().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down.
            }
        }
        return 0;
    }
}
