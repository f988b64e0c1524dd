package io.herdgate.gateway.ingest;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.join.JoinGrant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A collar's session as its last join granted it, kept so that it outlives a gateway restart. The keys
 * are as secret as the collar's root key: {@link #toString()} never prints them. The root key itself is
 * not kept, only its SHA-256 digest, enough to tell whether the collar is still paired with that key.
 *
 * @param eui           the collar
 * @param keys          the session keys of the join
 * @param acceptFrame   the join accept frame as sent on air, sent again if the collar repeats its request
 * @param rootKeyDigest SHA-256 of the 16 root key bytes the join was granted under (32 bytes)
 */
public record SavedSession(CollarEui eui, SessionKeys keys, byte[] acceptFrame, byte[] rootKeyDigest) {

    public SavedSession {
        Objects.requireNonNull(eui, "eui");
        Objects.requireNonNull(keys, "keys");
        acceptFrame = acceptFrame.clone();
        rootKeyDigest = rootKeyDigest.clone();
        if (rootKeyDigest.length != 32) {
            throw new IllegalArgumentException("root key digest must be 32 bytes (SHA-256), got " + rootKeyDigest.length);
        }
    }

    public static SavedSession of(CollarEui eui, SessionKeys keys, byte[] acceptFrame, byte[] rootKeyDigest) {
        return new SavedSession(eui, keys, acceptFrame, rootKeyDigest);
    }

    /** The session of a join granted under {@code rootKey}. */
    public static SavedSession of(JoinGrant grant, AesKey rootKey) {
        return new SavedSession(grant.eui(), grant.keys(), grant.frame(), digest(rootKey));
    }

    /** True if the session was granted under this root key (the collar was not re-keyed since). */
    public boolean grantedUnder(AesKey rootKey) {
        return MessageDigest.isEqual(rootKeyDigest, digest(rootKey));
    }

    @Override
    public byte[] acceptFrame() {
        return acceptFrame.clone();
    }

    @Override
    public byte[] rootKeyDigest() {
        return rootKeyDigest.clone();
    }

    private static byte[] digest(AesKey key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.bytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SavedSession s && s.eui.equals(eui) && s.keys.equals(keys)
                && Arrays.equals(s.acceptFrame, acceptFrame) && Arrays.equals(s.rootKeyDigest, rootKeyDigest);
    }

    @Override
    public int hashCode() {
        return eui.hashCode();
    }

    @Override
    public String toString() {
        return "SavedSession[eui=" + eui + ", keys redacted]";
    }
}
