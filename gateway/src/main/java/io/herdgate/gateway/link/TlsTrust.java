package io.herdgate.gateway.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** TLS trust for the broker connection: the CA certificates of a PEM file, or the JVM's own trust store. */
final class TlsTrust {

    private TlsTrust() {
    }

    /** A socket factory trusting exactly the certificates in {@code caFile}, or the JVM defaults if empty. */
    static SocketFactory socketFactory(Optional<Path> caFile) {
        if (caFile.isEmpty()) {
            return SSLSocketFactory.getDefault();
        }
        Path file = caFile.get();
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs =
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new LinkConfigException("mqtt ca_file " + file + ": no PEM certificate in it");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trust.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException e) {
            throw new LinkConfigException("mqtt ca_file " + file + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new LinkConfigException("mqtt ca_file " + file + ": not a PEM X.509 certificate (" + e.getMessage() + ")", e);
        }
    }
}
