package io.steppe.ops.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.pkitesting.X509Bundle;
import io.steppe.ops.SteppeConfig;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** The certificate files as an operator replaces them: a good pair is served next, anything else leaves the loaded one. */
class CertificateReloaderTest {

    @TempDir
    Path dir;

    @Test
    void aRenewedPairIsPublishedAndABadOneKeepsTheLoadedPair() throws Exception {
        TestCertificates certificates = new TestCertificates();
        SteppeConfig.TlsFiles files = TestCertificates.files(dir);
        TestCertificates.write(certificates.server(1001, true), files);
        try (CertificateReloader reloader = CertificateReloader.start(files, Duration.ofHours(1))) {
            List<BigInteger> published = new CopyOnWriteArrayList<>();
            Flux.from(reloader.getKeyStore()).subscribe(store -> published.add(serial(store)));
            assertEquals(List.of(BigInteger.valueOf(1001)), published, "the first pair at once, on subscription");

            X509Bundle other = certificates.server(1002, false);
            Files.writeString(files.certificate(), other.getCertificatePathPEM());
            reloader.check();
            assertEquals(BigInteger.valueOf(1001), reloader.current().serial(), "a certificate without its key yet is not served");

            Files.writeString(files.privateKey(), other.getPrivateKeyPEM());
            reloader.check();
            assertEquals(BigInteger.valueOf(1002), reloader.current().serial());

            Files.writeString(files.certificate(), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
            reloader.check();
            Files.delete(files.privateKey());
            reloader.check();
            assertEquals(BigInteger.valueOf(1002), reloader.current().serial(), "a broken or missing file leaves the loaded pair");
            assertEquals(List.of(BigInteger.valueOf(1001), BigInteger.valueOf(1002)), published);
        }
    }

    @Test
    void eachWrongFileIsNamedWithItsKey() throws Exception {
        TestCertificates certificates = new TestCertificates();
        SteppeConfig.TlsFiles files = TestCertificates.files(dir);
        X509Bundle one = certificates.server(7, false);
        X509Bundle two = certificates.server(8, false);
        Files.writeString(files.certificate(), one.getCertificatePathPEM());
        Files.writeString(files.privateKey(), two.getPrivateKeyPEM());
        String mismatch = assertThrows(IllegalArgumentException.class, () -> ServerCertificate.load(files)).getMessage();
        assertTrue(mismatch.startsWith("STEPPE_TLS_KEY names " + files.privateKey() + ", which is not the key of the certificate"), mismatch);

        Files.writeString(files.certificate(), one.getPrivateKeyPEM());
        String notACertificate = assertThrows(IllegalArgumentException.class, () -> ServerCertificate.load(files)).getMessage();
        assertTrue(notACertificate.startsWith("STEPPE_TLS_CERT names " + files.certificate() + ", which holds no PEM certificate"), notACertificate);

        Files.writeString(files.certificate(), one.getCertificatePathPEM());
        Files.writeString(files.privateKey(), one.getCertificatePathPEM());
        String notAKey = assertThrows(IllegalArgumentException.class, () -> ServerCertificate.load(files)).getMessage();
        assertTrue(notAKey.startsWith("STEPPE_TLS_KEY names " + files.privateKey() + ", which holds no unencrypted PEM private key"), notAKey);

        Files.writeString(files.privateKey(), one.getPrivateKeyPEM());
        ServerCertificate good = ServerCertificate.load(files);
        assertEquals(BigInteger.valueOf(7), good.serial());
        assertEquals(one.getCertificate().getNotAfter().toInstant(), good.expiry());
        assertFalse(good.toString().contains("PRIVATE"), "the key never shows: " + good);
    }

    private static BigInteger serial(KeyStore store) {
        try {
            return ((X509Certificate) store.getCertificate(store.aliases().nextElement())).getSerialNumber();
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
