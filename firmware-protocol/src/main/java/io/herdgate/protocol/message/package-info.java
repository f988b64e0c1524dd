/**
 * The collar messages as immutable values: one record per message type, closed under the sealed
 * {@link io.herdgate.protocol.message.Message} hierarchy, so a {@code switch} over a message is checked
 * by the compiler. Byte layouts live in {@code PROTOCOL.md} and the codec, not here.
 */
package io.herdgate.protocol.message;
