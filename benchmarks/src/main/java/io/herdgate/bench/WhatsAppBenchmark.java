package io.herdgate.bench;

import io.herdgate.gateway.phone.CloudApiSpec;
import io.herdgate.gateway.phone.SpecRequest;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-request costs of the WhatsApp side: checking a webhook's {@code X-Hub-Signature-256} over a
 * typical status payload (every POST the gateway receives), and checking one alarm template message
 * against Meta's OpenAPI document (every request the fake Cloud API receives, schemas compiled).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WhatsAppBenchmark {

    private static final String STATUS = """
            {"object":"whatsapp_business_account","entry":[{"id":"419561257915477","changes":[{"field":"messages",
             "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "statuses":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI4QTRBNjU5OUFFRTAzODEwMTQ0RgA","status":"delivered",
               "timestamp":"1790000000","recipient_id":"4915112345678",
               "conversation":{"id":"CONVERSATION_ID","origin":{"type":"utility"}},
               "pricing":{"billable":true,"pricing_model":"PMP","category":"utility"}}]}}]}]}
            """;

    private static final String TEMPLATE = """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template",
             "template":{"name":"herd_heat","language":{"policy":"deterministic","code":"de"},
              "components":[
               {"type":"header","parameters":[{"type":"image","image":{"id":"1234567890123456"}}]},
               {"type":"body","parameters":[{"type":"text","text":"7019"},{"type":"text","text":"212"},{"type":"text","text":"21.11.26, 05:40"}]},
               {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"ack:42"}]},
               {"type":"button","sub_type":"quick_reply","index":"1","parameters":[{"type":"payload","payload":"snooze:42"}]},
               {"type":"button","sub_type":"quick_reply","index":"2","parameters":[{"type":"payload","payload":"vet:42"}]}]}}
            """;

    private final Secret appSecret = Secret.of("app-secret-4f9a");
    private byte[] body;
    private Optional<String> signature;
    private CloudApiSpec spec;
    private SpecRequest request;

    @Setup
    public void setUp() {
        body = STATUS.getBytes(StandardCharsets.UTF_8);
        signature = Optional.of(WebhookSignature.sign(appSecret, body));
        spec = CloudApiSpec.bundled();
        request = SpecRequest.of("POST", "/v23.0/106540352242922/messages", Map.of(),
                Map.of("Authorization", "Bearer EAAtestTokenXYZ123", "Content-Type", "application/json",
                        "User-Agent", "herdgate/0.1.0"), TEMPLATE.getBytes(StandardCharsets.UTF_8));
        if (!spec.violations(request).isEmpty()) {
            throw new IllegalStateException("benchmark request does not conform: " + spec.violations(request));
        }
    }

    @Benchmark
    public WebhookSignature.Verdict webhookSignature() {
        return WebhookSignature.verify(appSecret, body, signature);
    }

    @Benchmark
    public List<String> specValidateTemplate() {
        return spec.violations(request);
    }
}
