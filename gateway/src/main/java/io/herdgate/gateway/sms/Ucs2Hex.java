package io.herdgate.gateway.sms;

import java.util.HexFormat;

/**
 * Text in the modem's {@code "UCS2"} character set ({@code AT+CSCS="UCS2"}): each UTF-16 code unit as four
 * upper-case hex digits, big-endian. Everything the gateway writes to and reads from the modem travels so,
 * which keeps any text, including Devanagari, and no byte of it can be mistaken for Ctrl-Z or ESC.
 */
final class Ucs2Hex {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Ucs2Hex() {
    }

    static String encode(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() * 4);
        for (int i = 0; i < text.length(); i++) {
            out.append(HEX.toHexDigits(text.charAt(i)));
        }
        return out.toString();
    }

    /**
     * The text {@code hex} stands for.
     *
     * @throws IllegalArgumentException when {@code hex} is not a multiple of four hex digits
     */
    static String decode(String hex) {
        if (hex.length() % 4 != 0 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("not UCS2 hex (groups of 4 hex digits): '" + hex + "'");
        }
        StringBuilder out = new StringBuilder(hex.length() / 4);
        for (int i = 0; i < hex.length(); i += 4) {
            out.append((char) HexFormat.fromHexDigits(hex, i, i + 4));
        }
        return out.toString();
    }
}
