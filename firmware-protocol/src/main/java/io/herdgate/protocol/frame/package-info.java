/**
 * The frame: header, collar address, counter, payload and MIC; the codec that turns bytes into
 * {@link io.herdgate.protocol.message.Message}s and back, returning typed rejections instead of throwing.
 */
package io.herdgate.protocol.frame;
