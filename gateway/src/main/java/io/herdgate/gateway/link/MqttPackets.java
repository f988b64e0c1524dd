package io.herdgate.gateway.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The MQTT 5.0 control packets the gateway's link exchanges with its broker (OASIS MQTT 5.0, section 3),
 * encoded to and decoded from bytes. Integers are big-endian; lengths are the spec's variable byte
 * integers (1..4 bytes, 7 bits each, least significant first); strings UTF-8 with a 2-byte length.
 * Only what the link needs: CONNECT, SUBSCRIBE, PUBLISH (QoS 0/1), PUBACK, PINGREQ, DISCONNECT out;
 * CONNACK, SUBACK, PUBLISH, PUBACK, PINGRESP, DISCONNECT in.
 */
final class MqttPackets {

    static final int CONNECT = 1;
    static final int CONNACK = 2;
    static final int PUBLISH = 3;
    static final int PUBACK = 4;
    static final int SUBSCRIBE = 8;
    static final int SUBACK = 9;
    static final int PINGREQ = 12;
    static final int PINGRESP = 13;
    static final int DISCONNECT = 14;

    static final byte[] PINGREQ_PACKET = {(byte) 0xC0, 0};
    /** DISCONNECT, reason 0 (normal disconnection), no properties. */
    static final byte[] DISCONNECT_PACKET = {(byte) 0xE0, 0};

    /** Largest packet the gateway accepts (told to the broker, which drops larger ones): 256 KiB. */
    static final int MAX_PACKET = 256 * 1024;

    private static final int PROP_SESSION_EXPIRY = 0x11;
    private static final int PROP_RECEIVE_MAXIMUM = 0x21;
    private static final int PROP_MAXIMUM_PACKET_SIZE = 0x27;

    private MqttPackets() {
    }

    /**
     * CONNECT with clean start off (the broker keeps the session), the given session expiry (seconds,
     * u32), keep-alive (seconds, u16), receive maximum and {@link #MAX_PACKET}; the password as binary data.
     */
    static byte[] connect(String clientId, Optional<String> username, Optional<byte[]> password,
                          long sessionExpiryS, int keepAliveS, int receiveMaximum) {
        Buf props = new Buf();
        props.u8(PROP_SESSION_EXPIRY).u32(sessionExpiryS);
        props.u8(PROP_RECEIVE_MAXIMUM).u16(receiveMaximum);
        props.u8(PROP_MAXIMUM_PACKET_SIZE).u32(MAX_PACKET);
        Buf body = new Buf();
        body.string("MQTT").u8(5);
        body.u8((username.isPresent() ? 0x80 : 0) | (password.isPresent() ? 0x40 : 0));
        body.u16(keepAliveS).varInt(props.size()).bytes(props.toBytes());
        body.string(clientId);
        username.ifPresent(body::string);
        password.ifPresent(p -> body.u16(p.length).bytes(p));
        return packet(CONNECT << 4, body);
    }

    /** SUBSCRIBE of {@code filters}, each at QoS 1 (no local off, retain as published, retained sent). */
    static byte[] subscribe(int packetId, List<String> filters) {
        Buf body = new Buf().u16(packetId).varInt(0);
        for (String f : filters) {
            body.string(f).u8(1);
        }
        return packet(SUBSCRIBE << 4 | 0x02, body);
    }

    /** PUBLISH at QoS 1, not retained, no properties. */
    static byte[] publish(String topic, int packetId, byte[] payload) {
        Buf body = new Buf().string(topic).u16(packetId).varInt(0).bytes(payload);
        return packet(PUBLISH << 4 | 0x02, body);
    }

    /** Writes a PUBACK of {@code packetId} (reason success, which MQTT 5 lets one leave out) at {@code at}: 4 bytes. */
    static void puback(int packetId, byte[] into, int at) {
        into[at] = 0x40;
        into[at + 1] = 2;
        into[at + 2] = (byte) (packetId >>> 8);
        into[at + 3] = (byte) packetId;
    }

    /**
     * A received PUBLISH: its topic, packet id (0 at QoS 0, which is not acknowledged) and payload.
     *
     * @param flags the low four bits of the fixed header
     * @param body  the packet after the fixed header, {@code length} bytes
     * @return the message, or a description of what is wrong with it
     */
    static Inbound readPublish(int flags, byte[] body, int length) {
        int qos = (flags >>> 1) & 3;
        if (qos == 3) {
            return new Inbound.Malformed("PUBLISH with QoS 3");
        }
        if (length < 2) {
            return new Inbound.Malformed("PUBLISH shorter than its topic length");
        }
        int topicLength = u16(body, 0);
        int p = 2 + topicLength;
        if (p + (qos > 0 ? 2 : 0) > length) {
            return new Inbound.Malformed("PUBLISH topic runs past the packet");
        }
        String topic = new String(body, 2, topicLength, StandardCharsets.UTF_8);
        int packetId = 0;
        if (qos > 0) {
            packetId = u16(body, p);
            p += 2;
        }
        long props = varInt(body, p, length);
        if (props < 0) {
            return new Inbound.Malformed("PUBLISH properties length unreadable");
        }
        p += varIntSize((int) props) + (int) props;
        if (p > length) {
            return new Inbound.Malformed("PUBLISH properties run past the packet");
        }
        return new Inbound.Publish(topic, packetId, Arrays.copyOfRange(body, p, length));
    }

    /** A decoded PUBLISH, or why it could not be decoded. */
    sealed interface Inbound {
        record Publish(String topic, int packetId, byte[] payload) implements Inbound {
        }

        record Malformed(String why) implements Inbound {
        }
    }

    /** The reason code of a CONNACK body (byte 1), or -1 if it is too short. */
    static int connackReason(byte[] body, int length) {
        return length >= 2 ? body[1] & 0xFF : -1;
    }

    /**
     * The broker's receive maximum from a CONNACK body: how many QoS 1 publishes of the gateway it takes
     * before their PUBACKs; 65,535 when it states none (MQTT 5.0 section 3.2.2.3.3). -1 if the properties
     * are malformed.
     */
    static int serverReceiveMaximum(byte[] body, int length) {
        long props = varInt(body, 2, length);
        if (props < 0) {
            return length == 2 ? 65_535 : -1;
        }
        int p = 2 + varIntSize((int) props);
        int end = (int) Math.min(length, p + props);
        while (p < end) {
            int id = body[p++] & 0xFF;
            int size = switch (id) {
                case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> 1;
                case 0x13, 0x21, 0x22, 0x23 -> 2;
                case 0x02, 0x11, 0x18, 0x27 -> 4;
                case 0x0B -> varIntSize((int) Math.max(0, varInt(body, p, end)));
                case 0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C, 0x1F -> p + 2 <= end ? 2 + u16(body, p) : -1;
                case 0x26 -> p + 2 <= end && p + 4 + u16(body, p) <= end
                        ? 4 + u16(body, p) + u16(body, p + 2 + u16(body, p)) : -1;
                default -> -1;
            };
            if (size < 0 || p + size > end) {
                return -1;
            }
            if (id == 0x21) {
                return u16(body, p);
            }
            p += size;
        }
        return 65_535;
    }

    /** The first reason code of a SUBACK body that is a failure (≥ 0x80), or -1 if all were granted. */
    static int subackFailure(byte[] body, int length) {
        if (length < 3) {
            return 0x80;
        }
        long props = varInt(body, 2, length);
        if (props < 0) {
            return 0x80;
        }
        for (int p = 2 + varIntSize((int) props) + (int) props; p < length; p++) {
            if ((body[p] & 0xFF) >= 0x80) {
                return body[p] & 0xFF;
            }
        }
        return -1;
    }

    /** The reason code of a DISCONNECT from the broker (0 when it carries none). */
    static int disconnectReason(byte[] body, int length) {
        return length >= 1 ? body[0] & 0xFF : 0;
    }

    /** What a CONNACK, SUBACK or DISCONNECT reason code means (MQTT 5.0 section 2.4), for the log and /health. */
    static String reasonText(int code) {
        return switch (code) {
            case 0x00 -> "success";
            case 0x80 -> "unspecified error";
            case 0x81 -> "malformed packet";
            case 0x82 -> "protocol error";
            case 0x83 -> "implementation specific error";
            case 0x84 -> "unsupported protocol version";
            case 0x85 -> "client identifier not valid";
            case 0x86 -> "bad user name or password";
            case 0x87 -> "not authorized";
            case 0x88 -> "server unavailable";
            case 0x89 -> "server busy";
            case 0x8A -> "banned";
            case 0x8B -> "server shutting down";
            case 0x8D -> "keep alive timeout";
            case 0x8E -> "session taken over";
            case 0x8F -> "topic filter invalid";
            case 0x93 -> "receive maximum exceeded";
            case 0x95 -> "packet too large";
            case 0x97 -> "quota exceeded";
            case 0x9C -> "use another server";
            default -> "reason code 0x" + Integer.toHexString(code);
        };
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    /** The variable byte integer at {@code at} (before {@code end}), or -1 if it is cut off or longer than 4 bytes. */
    static long varInt(byte[] b, int at, int end) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            if (at + i >= end) {
                return -1;
            }
            int d = b[at + i] & 0xFF;
            v |= (long) (d & 0x7F) << (7 * i);
            if ((d & 0x80) == 0) {
                return v;
            }
        }
        return -1;
    }

    static int varIntSize(int v) {
        return v < 128 ? 1 : v < 16_384 ? 2 : v < 2_097_152 ? 3 : 4;
    }

    private static byte[] packet(int firstByte, Buf body) {
        Buf p = new Buf().u8(firstByte).varInt(body.size());
        p.bytes(body.toBytes());
        return p.toBytes();
    }

    /** A growing big-endian byte buffer. */
    private static final class Buf {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Buf u8(int v) {
            out.write(v);
            return this;
        }

        Buf u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Buf u32(long v) {
            u16((int) (v >>> 16) & 0xFFFF);
            return u16((int) v & 0xFFFF);
        }

        Buf varInt(int v) {
            do {
                int d = v & 0x7F;
                v >>>= 7;
                out.write(v > 0 ? d | 0x80 : d);
            } while (v > 0);
            return this;
        }

        Buf string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u16(b.length).bytes(b);
        }

        Buf bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
