package io.steppe.ops.tls;

import io.steppe.ops.SteppeConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A certificate chain (leaf first) and the private key that belongs to its leaf, read from the PEM files
 * {@code STEPPE_TLS_CERT} and {@code STEPPE_TLS_KEY} and proved to be a pair by signing with the key and verifying with
 * the certificate.
 */
public record ServerCertificate(List<X509Certificate> chain, PrivateKey key) {

    public ServerCertificate {
        chain = List.copyOf(chain);
    }

    /**
     * Reads and checks both files.
     *
     * @throws IllegalArgumentException with a one-line message naming the key and file that are wrong
     */
    public static ServerCertificate load(SteppeConfig.TlsFiles files) {
        List<X509Certificate> chain = certificates(files.certificate());
        PrivateKey key = privateKey(files.privateKey());
        if (!pair(chain.get(0), key)) {
            throw new IllegalArgumentException("STEPPE_TLS_KEY names " + files.privateKey() + ", which is not the key of the certificate in "
                    + "STEPPE_TLS_CERT (" + files.certificate() + ")");
        }
        return new ServerCertificate(chain, key);
    }

    /** The leaf's serial number, which tells one issued certificate from the next. */
    public BigInteger serial() {
        return chain.get(0).getSerialNumber();
    }

    /** When the first certificate of the chain expires: the chain is worthless from then on. */
    public Instant expiry() {
        return chain.stream().map(c -> c.getNotAfter().toInstant()).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** The pair as the TLS stack takes it. */
    KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("steppe", key, null, chain.toArray(new X509Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an in-memory PKCS12 store takes any key and chain", e);
        }
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + chain.get(0).getSubjectX500Principal().getName() + ", serial " + serial().toString(16)
                + ", expires " + expiry() + ", key ***]";
    }

    private static List<X509Certificate> certificates(Path file) {
        String pem = text("STEPPE_TLS_CERT", file);
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("STEPPE_TLS_CERT names " + file + ", which holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(
                    new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new CertificateException("no certificate");
            }
            return chain;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("STEPPE_TLS_CERT names " + file + ", whose PEM certificate cannot be read: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String pem = text("STEPPE_TLS_KEY", file);
        try (Reader reader = new StringReader(pem); PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("STEPPE_TLS_KEY names " + file + ", whose PEM private key cannot be read: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("STEPPE_TLS_KEY names " + file + ", which holds no unencrypted PEM private key"
                + " (-----BEGIN PRIVATE KEY-----, RSA or EC)");
    }

    private static String text(String key, Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException(key + " names " + file + ", which cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} signs what the certificate's public key verifies: the one test that fits every key type. */
    private static boolean pair(X509Certificate leaf, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        return algorithm != null && matches(leaf, key, algorithm);
    }

    private static boolean matches(X509Certificate leaf, PrivateKey key, String algorithm) {
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
