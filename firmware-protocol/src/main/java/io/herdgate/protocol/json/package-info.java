/**
 * JSON for messages and decode results, JDK only: {@link io.herdgate.protocol.json.MessageJson} writes and
 * strictly reads the documented JSON form of each message (the MQTT JSON uplinks, the decode CLI and the
 * test vectors use it), {@link io.herdgate.protocol.json.FrameJson} adds the header and the outcome, and
 * {@link io.herdgate.protocol.json.JsonParser} is the small bounded parser underneath.
 */
package io.herdgate.protocol.json;
