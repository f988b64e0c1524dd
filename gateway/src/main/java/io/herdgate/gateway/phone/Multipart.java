package io.herdgate.gateway.phone;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code multipart/form-data} body (RFC 7578) into its parts. */
final class Multipart {

    /** One form field: its name, the file name and media type when it is a file, and its bytes. */
    record Part(String name, Optional<String> filename, Optional<String> contentType, byte[] data) {

        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private Multipart() {
    }

    /**
     * The parts of {@code body}.
     *
     * @throws IllegalArgumentException naming what is wrong when the body is not well-formed multipart
     */
    static List<Part> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("multipart Content-Type without boundary: " + contentType);
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("multipart body does not contain its boundary");
        }
        while (true) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return List.copyOf(parts);
            }
            start = skipLineEnd(body, start);
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, delimiter, start);
            if (headerEnd < 0 || next < 0 || headerEnd > next) {
                throw new IllegalArgumentException("multipart part " + (parts.size() + 1) + " is truncated");
            }
            String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
            int dataEnd = next - 2; // the CRLF before the delimiter belongs to it
            byte[] data = Arrays.copyOfRange(body, headerEnd + 4, Math.max(headerEnd + 4, dataEnd));
            parts.add(part(headers, data, parts.size() + 1));
            at = next;
        }
    }

    private static Part part(String headers, byte[] data, int number) {
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                type = value;
            }
        }
        if (disposition == null) {
            throw new IllegalArgumentException("multipart part " + number + " has no Content-Disposition");
        }
        Matcher name = NAME.matcher(";" + disposition);
        if (!name.find()) {
            throw new IllegalArgumentException("multipart part " + number + " has no name");
        }
        Matcher file = FILENAME.matcher(disposition);
        return new Part(name.group(1), file.find() ? Optional.of(file.group(1)) : Optional.empty(),
                Optional.ofNullable(type), data);
    }

    private static int skipLineEnd(byte[] b, int i) {
        if (i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n') {
            return i + 2;
        }
        return i;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
