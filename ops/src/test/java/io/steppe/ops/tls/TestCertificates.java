package io.steppe.ops.tls;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import io.steppe.ops.SteppeConfig;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/** A test CA and server certificates it issues for loopback, written where {@code STEPPE_TLS_CERT} and {@code STEPPE_TLS_KEY} name. */
public final class TestCertificates {

    private final X509Bundle ca;

    public TestCertificates() throws Exception {
        ca = new CertificateBuilder().ecp256().subject("CN=Steppe test CA").setIsCertificateAuthority(true).buildSelfSigned();
    }

    public X509Bundle ca() {
        return ca;
    }

    /** A server certificate for 127.0.0.1 and localhost with this serial; RSA or EC, as operators bring both. */
    public X509Bundle server(long serial, boolean rsa) throws Exception {
        CertificateBuilder builder = new CertificateBuilder().subject("CN=portal.steppe.test").serial(BigInteger.valueOf(serial))
                .addSanIpAddress("127.0.0.1").addSanDnsName("localhost").addExtendedKeyUsageServerAuth();
        return (rsa ? builder.rsa2048() : builder.ecp256()).buildIssuedBy(ca);
    }

    /** Writes the chain and key of {@code server} to the two files, replacing what was there. */
    public static void write(X509Bundle server, SteppeConfig.TlsFiles files) throws IOException {
        Files.writeString(files.certificate(), server.getCertificatePathPEM());
        Files.writeString(files.privateKey(), server.getPrivateKeyPEM());
    }

    public static SteppeConfig.TlsFiles files(Path dir) {
        return new SteppeConfig.TlsFiles(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    }
}
