/**
 * The installer's part of the gateway's local HTTP API, used by {@code herdgate pair}, {@code unpair},
 * {@code pairing} and {@code flash}: {@code /api/collars/...} and {@code /api/pairing-mode}, JSON in
 * and out (snake-case fields, times as ISO-8601 UTC, EUIs as 16 hex digits). The server's bearer-token
 * filter guards every {@code /api/} path. Root keys travel only inwards (pairing, labels), never out.
 */
package io.herdgate.gateway.installer;
