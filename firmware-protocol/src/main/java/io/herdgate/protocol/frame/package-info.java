/**
 * The frame: its byte layout ({@link io.herdgate.protocol.frame.FrameLayout}), header, the structural
 * checks every receiver runs first ({@link io.herdgate.protocol.frame.FrameParser}), and the result
 * values of decoding: {@link io.herdgate.protocol.frame.Decoded} or a typed
 * {@link io.herdgate.protocol.frame.Rejected}, counted by reason in
 * {@link io.herdgate.protocol.frame.RejectionCounters}.
 */
package io.herdgate.protocol.frame;
