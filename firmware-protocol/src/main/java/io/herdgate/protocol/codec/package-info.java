/**
 * Frames under keys: {@link io.herdgate.protocol.codec.FrameCodec} writes and opens the frames of one
 * collar (MIC, payload encryption), {@link io.herdgate.protocol.codec.FrameInspector} reads frames with no
 * keys for inspection tools. Counter history and replay checks live in {@code session}.
 */
package io.herdgate.protocol.codec;
