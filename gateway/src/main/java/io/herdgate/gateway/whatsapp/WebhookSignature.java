package io.herdgate.gateway.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature-256} header Meta puts on every webhook POST: {@code sha256=} and the
 * lower-case hex HMAC-SHA256 of the raw body bytes keyed with the app secret.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    /** What a request's signature header says. */
    public enum Verdict { VALID, MISSING, WRONG }

    private WebhookSignature() {
    }

    /** The header value for {@code body} signed with {@code appSecret}. */
    public static String sign(Secret appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
    }

    /** Checks {@code header} against {@code body}; the comparison takes the same time wherever they differ. */
    public static Verdict verify(Secret appSecret, byte[] body, Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Verdict.MISSING;
        }
        String h = header.get().strip();
        if (!h.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Verdict.WRONG;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(h.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Verdict.WRONG;
        }
        return MessageDigest.isEqual(hmac(appSecret, body), given) ? Verdict.VALID : Verdict.WRONG;
    }

    private static byte[] hmac(Secret key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
