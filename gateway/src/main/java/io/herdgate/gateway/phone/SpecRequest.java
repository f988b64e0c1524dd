package io.herdgate.gateway.phone;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as {@link CloudApiSpec} checks it.
 *
 * @param method  HTTP method, upper case
 * @param path    the request path without query, e.g. {@code /v23.0/1234/messages}
 * @param query   query parameters (first value of each)
 * @param headers request headers (first value of each); names are matched case-insensitively
 * @param body    the raw body, empty for none
 */
public record SpecRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          byte[] body) {

    public SpecRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = Collections.unmodifiableSortedMap(h);
        body = body.clone();
        method = method.toUpperCase(Locale.ROOT);
    }

    public static SpecRequest of(String method, String path, Map<String, String> query, Map<String, String> headers,
                                 byte[] body) {
        return new SpecRequest(method, path, query, headers, body);
    }

    /** The header named {@code name}, any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The media type of the body without parameters, lower case; empty without a Content-Type header. */
    public Optional<String> mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
