package io.herdgate.gateway.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.whatsapp.MessageTemplate;
import io.herdgate.gateway.whatsapp.TemplateLanguage;
import io.herdgate.gateway.whatsapp.TemplateName;
import io.herdgate.gateway.whatsapp.WebhookSignature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * A fake WhatsApp Cloud API on a real HTTP server: {@code POST /{version}/{phone-number-id}/messages}
 * and {@code /media}, and {@code GET /{version}/{phone-number-id}} (the number's own node), each request checked against Meta's OpenAPI document ({@link CloudApiSpec}) and
 * answered as Meta would — bearer token (190), approved template name and language (132001), parameter
 * count (132000), 24-hour window for free-form messages (131047), pair rate (131056), throughput
 * (130429), numbers not on WhatsApp (131026) — or with an injected {@link Fault} ({@link #failNext},
 * {@link #failFor}).
 *
 * <p>Accepted messages are kept per phone ({@link #inbox}) and shown at {@code /phone}. Delivery statuses
 * (sent, delivered; read on {@link #read}) and the farmer's taps and texts ({@link #tap}, {@link #sendText})
 * go to the webhook URL ({@link #webhookTo}) signed with the app secret, one at a time in order of
 * sending; status payloads are checked against the document's {@code WebhookPayload} schema first.
 */
public final class FakeCloudApi implements AutoCloseable {

    /** The business number farmers see messages from. */
    public static final String DISPLAY_NUMBER = "15550783881";
    private static final String ACCOUNT_ID = "419561257915477";
    /** The business name WhatsApp shows for the number. */
    public static final String VERIFIED_NAME = "Herdgate Farm Alarms";
    private static final int MAX_MEDIA_BYTES = 5 * 1024 * 1024;

    private final FakeCloudApiSettings settings;
    private final CloudApiSpec spec = CloudApiSpec.bundled();
    private final ObjectMapper json = new ObjectMapper();
    private final Javalin server;
    private final ExecutorService webhooks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-whatsapp-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom ids = new SecureRandom();
    private final Random shuffle;

    // Guarded by this.
    private final Map<PhoneNumber, List<Delivered>> inboxes = new LinkedHashMap<>();
    private final Map<String, byte[]> media = new HashMap<>();
    private final Map<PhoneNumber, Instant> lastInbound = new HashMap<>();
    private final Map<PhoneNumber, Instant> lastSent = new HashMap<>();
    private final Deque<Instant> acceptedTimes = new ArrayDeque<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private Optional<Fault> spell = Optional.empty();
    private Instant spellEnds = Instant.MIN;
    private final Set<PhoneNumber> notOnWhatsApp = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private final Set<Integer> clientPorts = new HashSet<>();
    private Optional<URI> webhook = Optional.empty();

    private FakeCloudApi(FakeCloudApiSettings settings) {
        this.settings = settings;
        this.shuffle = new Random(settings.seed());
        this.server = Javalin.create(config -> config.showJavalinBanner = false);
        server.post("/{version}/{phoneNumberId}/messages", this::messages);
        server.post("/{version}/{phoneNumberId}/media", this::upload);
        server.get("/{version}/{phoneNumberId}", this::phoneNumber);
        PhonePage.register(server, this);
    }

    /** Starts a fake on the settings' host and port. */
    public static FakeCloudApi start(FakeCloudApiSettings settings) {
        FakeCloudApi fake = new FakeCloudApi(settings);
        fake.warmUp();
        fake.server.start(settings.host(), settings.port());
        return fake;
    }

    /** Compiles the schemas of both endpoints now, so the first request is answered as fast as the rest. */
    private void warmUp() {
        String path = "/v23.0/" + settings.phoneNumberId() + "/";
        Map<String, String> headers = Map.of("Authorization", "Bearer x", "Content-Type", "application/json");
        spec.violations(SpecRequest.of("POST", path + "messages", Map.of(), headers, "{}".getBytes(StandardCharsets.UTF_8)));
        spec.violations(SpecRequest.of("POST", path + "media", Map.of(), Map.of("Authorization", "Bearer x",
                "Content-Type", "multipart/form-data; boundary=b"), "--b--\r\n".getBytes(StandardCharsets.UTF_8)));
        spec.violations(SpecRequest.of("GET", path.substring(0, path.length() - 1), Map.of(), Map.of("Authorization", "Bearer x"),
                new byte[0]));
        spec.schemaViolations("PhoneNumberInfo", phoneNumberInfo(""));
    }

    /** The base URL to give the client, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return URI.create("http://" + settings.host() + ":" + server.port());
    }

    /** Where to send webhooks from now on. */
    public synchronized void webhookTo(URI url) {
        webhook = Optional.of(url);
    }

    /** Answers the next {@code count} message sends with {@code fault}, after any faults already queued. */
    public synchronized void failNext(Fault fault, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    /**
     * Answers every message send with {@code fault} for {@code duration} of the fake's clock (an outage);
     * faults queued by {@link #failNext} go first. A new spell replaces the current one.
     */
    public synchronized void failFor(Fault fault, Duration duration) {
        spell = Optional.of(fault);
        spellEnds = settings.clock().instant().plus(duration);
    }

    /** From now on, messages to {@code phone} fail with 131026 (not a WhatsApp user). */
    public synchronized void notOnWhatsApp(PhoneNumber phone) {
        notOnWhatsApp.add(phone);
    }

    /** What {@code phone} has received, oldest first. */
    public synchronized List<Delivered> inbox(PhoneNumber phone) {
        return List.copyOf(inboxes.getOrDefault(phone, List.of()));
    }

    /** All phones that received something. */
    public synchronized Set<PhoneNumber> phones() {
        return Set.copyOf(inboxes.keySet());
    }

    /** Every spec violation seen in a request so far, one line each ({@code METHOD path: problem}). */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /**
     * The farmer on {@code phone} taps the button labelled {@code button} under message {@code messageId};
     * the webhook gets a {@code button} message (template quick reply) or an {@code interactive}
     * {@code button_reply}, quoting the message. Opens the phone's 24-hour window.
     *
     * @return the id of the inbound message
     * @throws IllegalArgumentException when the phone has no such message or the message no such button
     */
    public String tap(PhoneNumber phone, String messageId, String button) {
        Delivered d = inbox(phone).stream().filter(m -> m.id().equals(messageId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(phone + " has no message " + messageId));
        Delivered.Button b = d.buttons().stream().filter(x -> x.label().equals(button)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("message " + messageId + " has no button '" + button
                        + "', it has " + d.buttons().stream().map(Delivered.Button::label).toList()));
        ObjectNode m = inbound(phone);
        m.putObject("context").put("from", DISPLAY_NUMBER).put("id", messageId);
        if (d.kind().equals("template")) {
            m.put("type", "button").putObject("button").put("payload", b.payload()).put("text", b.label());
        } else {
            m.put("type", "interactive").putObject("interactive").put("type", "button_reply")
                    .putObject("button_reply").put("id", b.payload()).put("title", b.label());
        }
        return sendInbound(phone, m);
    }

    /** The farmer on {@code phone} writes {@code text}; opens the phone's 24-hour window. @return the message id */
    public String sendText(PhoneNumber phone, String text) {
        ObjectNode m = inbound(phone);
        m.put("type", "text").putObject("text").put("body", text);
        return sendInbound(phone, m);
    }

    /** The farmer opens the chat: every message to {@code phone} gets a {@code read} status. */
    public void read(PhoneNumber phone) {
        for (Delivered d : inbox(phone)) {
            sendStatuses(phone, d.id(), List.of("read"));
        }
    }

    /**
     * Waits until every webhook queued so far has been sent (or failed).
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}
     */
    public void awaitWebhooks(Duration timeout) {
        try {
            webhooks.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("webhooks still pending after " + timeout, e);
        }
    }

    /**
     * Writes the phone page as it is now to {@code file} (UTF-8, charts inline), for a person to open after
     * a run that does not keep the server up, such as the demo.
     */
    public void writePage(Path file) throws IOException {
        Files.writeString(file, PhonePage.page(this), StandardCharsets.UTF_8);
    }

    /** Stops the server and the webhook sender. */
    @Override
    public void close() {
        server.stop();
        webhooks.shutdownNow();
    }

    synchronized Optional<byte[]> media(String id) {
        return Optional.ofNullable(media.get(id)).map(byte[]::clone);
    }

    /** How many client connections (distinct remote ports) have sent requests so far; keep-alive reuses one. */
    public synchronized int connections() {
        return clientPorts.size();
    }

    // ---- GET /{version}/{phone-number-id}

    /** The business number's own node, as {@code PhoneNumberInfo}; {@code fields} adds the two optional ones. */
    private void phoneNumber(Context ctx) {
        if (!admitted(ctx)) {
            return;
        }
        ObjectNode info = phoneNumberInfo(ctx.queryParam("fields") == null ? "" : ctx.queryParam("fields"));
        List<String> problems = spec.schemaViolations("PhoneNumberInfo", info);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("fake phone number answer does not match the spec: " + problems);
        }
        ctx.json(info);
    }

    private ObjectNode phoneNumberInfo(String fields) {
        String d = DISPLAY_NUMBER;
        ObjectNode info = json.createObjectNode().put("id", settings.phoneNumberId().value())
                .put("display_phone_number", "+" + d.charAt(0) + " " + d.substring(1, 4) + "-" + d.substring(4, 7) + "-"
                        + d.substring(7))
                .put("verified_name", VERIFIED_NAME).put("quality_rating", "GREEN");
        List<String> asked = List.of(fields.split(","));
        if (asked.contains("name_status")) {
            info.put("name_status", "APPROVED");
        }
        if (asked.contains("code_verification_status")) {
            info.put("code_verification_status", "VERIFIED");
        }
        return info;
    }

    // ---- POST /messages

    private void messages(Context ctx) throws InterruptedException {
        Instant now = settings.clock().instant(); // arrival, before the fake's own checking (latency benchmarks)
        if (!admitted(ctx)) {
            return;
        }
        Optional<Fault> fault = nextFault();
        if (fault.isPresent()) {
            fail(ctx, fault.get());
            return;
        }
        JsonNode m;
        try {
            m = json.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            error(ctx, 400, 100, "Invalid parameter", "body is not JSON");
            return;
        }
        PhoneNumber to;
        try {
            to = PhoneNumber.of("+" + m.path("to").asText().replaceAll("[^0-9]", ""));
        } catch (IllegalArgumentException e) {
            error(ctx, 400, 131009, "Parameter value is not valid", "'to' is not a phone number");
            return;
        }
        synchronized (this) {
            if (notOnWhatsApp.contains(to)) {
                error(ctx, 400, 131026, "Message undeliverable", "recipient is not a WhatsApp user");
                return;
            }
            while (!acceptedTimes.isEmpty() && !acceptedTimes.peekFirst().isAfter(now.minusSeconds(1))) {
                acceptedTimes.removeFirst();
            }
            if (acceptedTimes.size() >= settings.messagesPerSecond()) {
                error(ctx, 429, 130429, "Rate limit hit", "more than " + settings.messagesPerSecond() + " messages per second");
                return;
            }
            Instant last = lastSent.get(to);
            if (last != null && Duration.between(last, now).compareTo(settings.pairInterval()) < 0) {
                error(ctx, 400, 131056, "(Business Account, Consumer Account) pair rate limit hit",
                        "too many messages to " + to.digits() + " within " + settings.pairInterval().toSeconds() + " s");
                return;
            }
            String type = m.path("type").asText("text");
            Delivered delivered;
            try {
                delivered = type.equals("template") ? template(m.path("template"), now) : freeForm(type, m, to, now);
            } catch (Refusal r) {
                error(ctx, 400, r.code, r.getMessage(), r.details);
                return;
            }
            inboxes.computeIfAbsent(to, k -> new ArrayList<>()).add(delivered);
            lastSent.put(to, now);
            acceptedTimes.addLast(now);
            ObjectNode answer = json.createObjectNode().put("messaging_product", "whatsapp");
            answer.putArray("contacts").addObject().put("input", m.path("to").asText()).put("wa_id", to.digits());
            answer.putArray("messages").addObject().put("id", delivered.id()).put("message_status", "accepted");
            ctx.json(answer);
            List<String> states = new ArrayList<>(List.of("sent", "delivered"));
            if (settings.statusOrder() == FakeCloudApiSettings.StatusOrder.SHUFFLED_WITH_DUPLICATES) {
                states.addAll(List.of("sent", "delivered"));
                Collections.shuffle(states, shuffle);
            }
            sendStatuses(to, delivered.id(), states);
        }
    }

    /** A request Meta would refuse, with its error code. */
    private static final class Refusal extends Exception {
        final int code;
        final String details;

        Refusal(int code, String message, String details) {
            super(message, null, false, false);
            this.code = code;
            this.details = details;
        }
    }

    private Delivered template(JsonNode t, Instant now) throws Refusal {
        String name = t.path("name").asText();
        String code = t.path("language").path("code").asText();
        MessageTemplate approved;
        TemplateLanguage language;
        try {
            approved = settings.templates().named(TemplateName.of(name)).orElseThrow(IllegalArgumentException::new);
            language = TemplateLanguage.of(code);
        } catch (IllegalArgumentException e) {
            throw new Refusal(132001, "Template name does not exist in the translation", "template '" + name + "' is not approved");
        }
        if (!approved.bodies().containsKey(language)) {
            throw new Refusal(132001, "Template name does not exist in the translation",
                    "template '" + name + "' has no approved language " + code);
        }
        List<String> values = new ArrayList<>();
        Optional<byte[]> image = Optional.empty();
        Map<Integer, String> payloads = new HashMap<>();
        for (JsonNode c : t.path("components")) {
            switch (c.path("type").asText()) {
                case "header" -> image = Optional.of(headerImage(c.path("parameters").path(0).path("image")));
                case "body" -> c.path("parameters").forEach(p -> values.add(p.path("text").asText()));
                case "button" -> payloads.put(c.path("index").asInt(), c.path("parameters").path(0).path("payload").asText());
                default -> { }
            }
        }
        if (approved.imageHeader() != image.isPresent()) {
            throw new Refusal(132012, "Parameter format does not match format in the created template",
                    approved.imageHeader() ? "header image missing" : "template has no header");
        }
        if (values.size() != approved.parameters().size()) {
            throw new Refusal(132000, "Number of parameters does not match the expected number of params",
                    "body: expected " + approved.parameters().size() + ", got " + values.size());
        }
        List<Delivered.Button> buttons = new ArrayList<>();
        if (approved.buttons()) {
            List<String> labels = settings.templates().labels(language);
            for (int i = 0; i < labels.size(); i++) {
                buttons.add(new Delivered.Button(labels.get(i), payloads.getOrDefault(i, labels.get(i))));
            }
        } else if (!payloads.isEmpty()) {
            throw new Refusal(132000, "Number of parameters does not match the expected number of params",
                    "template has no buttons");
        }
        return new Delivered(newId(), now, "template", Optional.of(name + "/" + code),
                approved.render(language, values), buttons, image);
    }

    private Delivered freeForm(String type, JsonNode m, PhoneNumber to, Instant now) throws Refusal {
        Instant opened = lastInbound.get(to);
        if (opened == null || Duration.between(opened, now).compareTo(Duration.ofHours(24)) >= 0) {
            throw new Refusal(131047, "Re-engagement message",
                    "more than 24 hours have passed since the recipient last replied");
        }
        if (type.equals("text")) {
            return new Delivered(newId(), now, "text", Optional.empty(), m.path("text").path("body").asText(),
                    List.of(), Optional.empty());
        }
        if (type.equals("interactive")) {
            JsonNode i = m.path("interactive");
            Optional<byte[]> image = i.path("header").path("type").asText().equals("image")
                    ? Optional.of(headerImage(i.path("header").path("image"))) : Optional.empty();
            List<Delivered.Button> buttons = new ArrayList<>();
            for (JsonNode b : i.path("action").path("buttons")) {
                buttons.add(new Delivered.Button(b.path("reply").path("title").asText(), b.path("reply").path("id").asText()));
            }
            return new Delivered(newId(), now, "interactive", Optional.empty(), i.path("body").path("text").asText(),
                    buttons, image);
        }
        if (type.equals("image")) {
            JsonNode i = m.path("image");
            return new Delivered(newId(), now, "image", Optional.empty(), i.path("caption").asText(), List.of(),
                    Optional.of(headerImage(i)));
        }
        return new Delivered(newId(), now, type, Optional.empty(), m.path(type).toString(), List.of(), Optional.empty());
    }

    private byte[] headerImage(JsonNode image) throws Refusal {
        String id = image.path("id").asText("");
        byte[] bytes = media.get(id);
        if (bytes == null) {
            throw new Refusal(131053, "Media upload error", "media id '" + id + "' is unknown");
        }
        return bytes.clone();
    }

    // ---- POST /media

    private void upload(Context ctx) {
        if (!admitted(ctx)) {
            return;
        }
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type"), ctx.bodyAsBytes());
        } catch (IllegalArgumentException e) {
            error(ctx, 400, 100, "Invalid parameter", e.getMessage());
            return;
        }
        Optional<Multipart.Part> file = parts.stream().filter(p -> p.name().equals("file")).findFirst();
        if (file.isEmpty()) {
            error(ctx, 400, 100, "Invalid parameter", "form field 'file' is missing");
            return;
        }
        String type = file.get().contentType().orElse("");
        if (!type.equals("image/png") && !type.equals("image/jpeg")) {
            error(ctx, 400, 131053, "Media upload error", "image type '" + type + "' not supported, use image/png or image/jpeg");
            return;
        }
        if (file.get().data().length == 0 || file.get().data().length > MAX_MEDIA_BYTES) {
            error(ctx, 400, 131053, "Media upload error", "image must be 1 byte to 5 MB");
            return;
        }
        String id = Long.toString(1_000_000_000_000_000L + Math.floorMod(ids.nextLong(), 8_000_000_000_000_000L));
        synchronized (this) {
            media.put(id, file.get().data());
        }
        ctx.json(json.createObjectNode().put("id", id));
    }

    // ---- shared request checks

    /** Spec, token and phone-number id checks; answers and returns false when the request fails one. */
    private boolean admitted(Context ctx) {
        synchronized (this) {
            clientPorts.add(ctx.req().getRemotePort());
        }
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach(headers::put);
        Map<String, String> query = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        List<String> problems = spec.violations(SpecRequest.of(ctx.method().name(), ctx.path(), query, headers, ctx.bodyAsBytes()));
        if (!problems.isEmpty()) {
            synchronized (this) {
                problems.forEach(p -> violations.add(ctx.method().name() + " " + ctx.path() + ": " + p));
            }
            Logger.warn("fake WhatsApp: {} {} violates the spec: {}", ctx.method(), ctx.path(), problems);
            error(ctx, 400, 100, "Invalid parameter", String.join("; ", problems));
            return false;
        }
        String auth = ctx.header("Authorization");
        String token = auth == null ? "" : auth.replaceFirst("(?i)^Bearer\\s+", "");
        if (!settings.accessToken().matches(token)) {
            error(ctx, 401, 190, "Invalid OAuth access token - Cannot parse access token", "");
            return false;
        }
        if (!ctx.pathParam("phoneNumberId").equals(settings.phoneNumberId().value())) {
            error(ctx, 400, 100, "Unsupported post request. Object with ID '" + ctx.pathParam("phoneNumberId")
                    + "' does not exist", "");
            return false;
        }
        return true;
    }

    private synchronized Optional<Fault> nextFault() {
        if (!faults.isEmpty()) {
            return Optional.of(faults.pollFirst());
        }
        return settings.clock().instant().isBefore(spellEnds) ? spell : Optional.empty();
    }

    private void fail(Context ctx, Fault f) throws InterruptedException {
        if (f == Fault.TIMEOUT) {
            Thread.sleep(settings.stall().toMillis());
            ctx.status(504).result("");
            return;
        }
        error(ctx, f.status, f.code, f.message, "injected " + f.name(), f.transientError);
    }

    private void error(Context ctx, int status, int code, String message, String details) {
        error(ctx, status, code, message, details, false);
    }

    private void error(Context ctx, int status, int code, String message, String details, boolean transientError) {
        ObjectNode body = json.createObjectNode();
        ObjectNode e = body.putObject("error").put("message", message)
                .put("type", status == 401 ? "OAuthException" : "GraphMethodException").put("code", code)
                .put("is_transient", transientError).put("fbtrace_id", "A" + Long.toHexString(ids.nextLong()));
        if (!details.isEmpty()) {
            e.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        }
        ctx.status(status).json(body);
    }

    private String newId() {
        byte[] b = new byte[24];
        ids.nextBytes(b);
        return "wamid." + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ---- webhooks

    private ObjectNode inbound(PhoneNumber from) {
        return json.createObjectNode().put("from", from.digits()).put("id", newId())
                .put("timestamp", Long.toString(settings.clock().instant().getEpochSecond()));
    }

    private String sendInbound(PhoneNumber from, ObjectNode message) {
        synchronized (this) {
            lastInbound.put(from, settings.clock().instant());
        }
        ObjectNode value = value();
        value.putArray("contacts").addObject().put("wa_id", from.digits()).putObject("profile").put("name", "Farmer");
        value.putArray("messages").add(message);
        post(value, false);
        return message.path("id").asText();
    }

    private void sendStatuses(PhoneNumber to, String messageId, List<String> states) {
        for (String state : states) {
            ObjectNode value = value();
            ArrayNode statuses = value.putArray("statuses");
            statuses.addObject().put("id", messageId).put("status", state)
                    .put("timestamp", Long.toString(settings.clock().instant().getEpochSecond()))
                    .put("recipient_id", to.digits());
            post(value, true);
        }
    }

    private ObjectNode value() {
        ObjectNode value = json.createObjectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", DISPLAY_NUMBER)
                .put("phone_number_id", settings.phoneNumberId().value());
        return value;
    }

    /**
     * Signs and queues one webhook. Status payloads are checked against the document's
     * {@code WebhookPayload} schema first; inbound messages cannot be, because in the bundled document
     * {@code IncomingMessage} refers to the send-side message schemas (a name clash from merging).
     */
    private void post(ObjectNode value, boolean checkSchema) {
        ObjectNode payload = json.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode change = payload.putArray("entry").addObject().put("id", ACCOUNT_ID).putArray("changes").addObject();
        change.set("value", value);
        change.put("field", "messages");
        List<String> problems = checkSchema ? spec.schemaViolations("WebhookPayload", payload) : List.of();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("fake webhook does not match the spec: " + problems);
        }
        Optional<URI> target;
        synchronized (this) {
            target = webhook;
        }
        if (target.isEmpty()) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a webhook", e);
        }
        URI url = target.get();
        webhooks.execute(() -> {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(settings.appSecret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    Logger.warn("fake WhatsApp: webhook {} answered {}", url, r.statusCode());
                }
            } catch (IOException e) {
                Logger.warn("fake WhatsApp: webhook {} unreachable: {}", url, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
