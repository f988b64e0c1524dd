package io.herdgate.gateway.sms;

import java.text.Normalizer;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038): which texts it can carry and
 * how many septets they take. An extension character (e.g. {@code €}, {@code [}) takes two septets.
 */
final class Gsm7 {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u00a0ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7() {
    }

    /** Septets the character takes: 1 (basic), 2 (extension) or 0 when GSM 7-bit cannot carry it. */
    static int septets(int codePoint) {
        if (codePoint > 0xffff) {
            return 0;
        }
        char c = (char) codePoint;
        // The basic table's 0x1B is the escape, not a character; a no-break space is not in it either.
        if (c != '\u00a0' && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    /** True when every character of {@code text} is in the basic or extension table. */
    static boolean canEncode(CharSequence text) {
        return text.codePoints().allMatch(c -> septets(c) > 0);
    }

    /**
     * {@code text} with each character GSM 7-bit cannot carry replaced by its base letter when that one
     * can (á → a, ç → c, ê → e), any other space by a plain one; other characters are kept. Spanish, French and Portuguese texts then fit
     * 160 characters a message instead of 70, at the price of a few accents readers restore at a glance.
     */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (septets(c) > 0) {
                out.appendCodePoint(c);
                return;
            }
            if (Character.isSpaceChar(c)) {
                out.append(' '); // no-break and narrow spaces, as date formats use
                return;
            }
            String base = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            if (!base.isEmpty() && canEncode(base)) {
                out.append(base);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Septets {@code text} takes; only meaningful when {@link #canEncode} holds. */
    static int length(CharSequence text) {
        return text.codePoints().map(Gsm7::septets).sum();
    }
}
