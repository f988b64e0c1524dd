package io.herdgate.protocol.firmware;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The vendor's Ed25519 public key as a collar holds it: 32 raw bytes (RFC 8032 encoding). Only images
 * whose manifest it verifies are ever accepted.
 */
public final class VendorKey {

    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] raw;
    private final PublicKey key;

    private VendorKey(byte[] raw, PublicKey key) {
        this.raw = raw;
        this.key = key;
    }

    /**
     * The key from its 32 raw bytes.
     *
     * @throws IllegalArgumentException if the bytes are not 32 long or not an Ed25519 point
     */
    public static VendorKey ofRaw(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + raw.length);
        }
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
        try {
            return new VendorKey(raw.clone(), KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** The key of a JDK Ed25519 public key. */
    public static VendorKey of(PublicKey key) {
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("vendor key must be Ed25519, got " + key.getAlgorithm());
        }
        byte[] der = key.getEncoded();
        return ofRaw(Arrays.copyOfRange(der, der.length - 32, der.length));
    }

    /** A copy of the 32 raw key bytes. */
    public byte[] raw() {
        return raw.clone();
    }

    /** True if {@code signature} is this key's Ed25519 signature of {@code manifest}'s signed bytes. */
    public boolean verifies(FirmwareManifest manifest, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(manifest.signedBytes());
            return s.verify(signature);
        } catch (SignatureException e) {
            return false; // malformed signature bytes: simply not a valid signature
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("vendor key rejected by the JDK", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VendorKey k && Arrays.equals(k.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "VendorKey[" + HexFormat.of().formatHex(raw) + "]";
    }
}
