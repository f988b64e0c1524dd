package io.herdgate.protocol.join;

import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.JoinAccept;
import java.util.Arrays;

/**
 * A join the gateway granted: the new session's keys and the join accept frame to send to the collar.
 *
 * @param eui    the collar
 * @param keys   the session keys both sides now use
 * @param accept the join accept message
 * @param frame  the join accept frame as sent on air (copied in and out)
 */
public record JoinGrant(CollarEui eui, SessionKeys keys, JoinAccept accept, byte[] frame) {

    public JoinGrant {
        frame = frame.clone();
    }

    public static JoinGrant of(CollarEui eui, SessionKeys keys, JoinAccept accept, byte[] frame) {
        return new JoinGrant(eui, keys, accept, frame);
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JoinGrant g && g.eui.equals(eui) && g.keys.equals(keys) && g.accept.equals(accept)
                && Arrays.equals(g.frame, frame);
    }

    @Override
    public int hashCode() {
        return eui.hashCode() * 31 + accept.hashCode();
    }

    @Override
    public String toString() {
        return "JoinGrant[eui=" + eui + ", accept=" + accept + ", keys redacted]";
    }
}
