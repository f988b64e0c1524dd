package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareVersion;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * Signs firmware images with the vendor's Ed25519 private key; for the release tool and for tests.
 * {@link #toString()} never prints the key.
 */
public final class ImageSigner {

    private final PrivateKey key;

    private ImageSigner(PrivateKey key) {
        this.key = key;
    }

    /** A signer with an Ed25519 private key. */
    public static ImageSigner of(PrivateKey key) {
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("signing key must be Ed25519, got " + key.getAlgorithm());
        }
        return new ImageSigner(key);
    }

    /**
     * A signer from a PKCS#8-encoded Ed25519 private key (what {@code openssl genpkey -algorithm ed25519
     * -outform DER} writes).
     */
    public static ImageSigner ofPkcs8(byte[] der) {
        try {
            return of(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** A fresh Ed25519 key pair. */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    /** Signs {@code manifest}; the 64-byte Ed25519 signature over {@link FirmwareManifest#signedBytes()}. */
    public byte[] sign(FirmwareManifest manifest) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(manifest.signedBytes());
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The image with its manifest and signature. */
    public SignedImage sign(byte[] image, FirmwareVersion version, int hardware) {
        FirmwareManifest manifest = FirmwareManifest.ofImage(image, version, hardware);
        return SignedImage.of(manifest, sign(manifest), image);
    }

    @Override
    public String toString() {
        return "ImageSigner[redacted]";
    }
}
