/**
 * Message payloads: the byte layout of each message type's payload
 * ({@link io.herdgate.protocol.payload.PayloadCodec}), including the packed, delta and Rice codings of
 * accelerometer samples. Knows nothing of headers, keys or counters.
 */
package io.herdgate.protocol.payload;
