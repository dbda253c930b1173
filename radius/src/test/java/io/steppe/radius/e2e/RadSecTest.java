package io.steppe.radius.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.radius.RadiusService;
import io.steppe.radius.auth.AccessPolicyConfig;
import io.steppe.radius.auth.VoucherIssuer;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.transport.RadSecConfig;
import io.steppe.radius.transport.RadiusServerConfig;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RadSec (RFC 6614) with a test CA: a gateway with a certificate from that CA is served, any other is not. */
class RadSecTest {

    static final String RADSEC = "radsec";

    @TempDir
    Path home;

    @Test
    void gatewayWithACertificateFromTheTrustedCaAuthenticatesAndAccountsOverTls() throws Exception {
        X509Bundle ca = new CertificateBuilder().ecp256().subject("CN=Steppe test CA").setIsCertificateAuthority(true).buildSelfSigned();
        X509Bundle server = new CertificateBuilder().ecp256().subject("CN=steppe").addSanIpAddress("127.0.0.1")
                .addExtendedKeyUsageServerAuth().buildIssuedBy(ca);
        X509Bundle gateway = new CertificateBuilder().ecp256().subject("CN=loopback-gw").addExtendedKeyUsageClientAuth().buildIssuedBy(ca);
        X509Bundle otherCa = new CertificateBuilder().ecp256().subject("CN=Someone else").setIsCertificateAuthority(true).buildSelfSigned();
        X509Bundle rogue = new CertificateBuilder().ecp256().subject("CN=rogue").addExtendedKeyUsageClientAuth().buildIssuedBy(otherCa);

        RadSecConfig config = new RadSecConfig("127.0.0.1", 0, server.toTempCertChainPem().toPath(),
                server.toTempPrivateKeyPem().toPath(), ca.toTempRootCertPem().toPath());
        try (Database db = TestDatabases.freshMigrated(home)) {
            new NasRepository(db.dsl(), TestKeys.fixed()).add(Nas.of("loopback-gw", NasAddress.parse("127.0.0.1"), "udp-secret-not-used"), "test");
            String code = new VoucherIssuer(db.dsl(), TestKeys.fixed(), Clock.systemUTC(), new SecureRandom()).issue(1, 20, Duration.ofDays(1), 1, "t").get(0);
            try (RadiusService radius = RadiusService.start(RadiusServerConfig.defaults("127.0.0.1", 0, 0), Optional.of(config),
                    AccessPolicyConfig.defaults(), db.dsl(), TestKeys.fixed(), Clock.systemUTC(), System::nanoTime, new CountingMetrics(), () -> true)) {
                int port = radius.radsecPort().orElseThrow();
                try (SSLSocket tls = connect(port, gateway, ca)) {
                    assertEquals(2, exchange(tls, TestPackets.statusServer(1, RADSEC))[0], "Status-Server: Access-Accept");
                    assertEquals(2, exchange(tls, TestPackets.accessRequest(2, code, code, RADSEC, true,
                            TestPackets.attribute(31, "AA-BB-CC-00-00-01".getBytes(StandardCharsets.US_ASCII))))[0], "voucher: Access-Accept");
                    assertEquals(3, exchange(tls, TestPackets.accessRequest(3, code, "wrong", RADSEC, false))[0], "Access-Reject");
                    assertEquals(5, exchange(tls, TestPackets.accountingRequest(4, RADSEC, TestPackets.integer(40, 1),
                            TestPackets.attribute(1, code.getBytes(StandardCharsets.US_ASCII)),
                            TestPackets.attribute(44, "tls-session".getBytes(StandardCharsets.US_ASCII))))[0], "Accounting-Response");
                }
                assertThrows(IOException.class, () -> {
                    try (SSLSocket tls = connect(port, rogue, ca)) {
                        exchange(tls, TestPackets.statusServer(1, RADSEC));
                    }
                }, "a certificate from another CA is refused");
            }
        }
    }

    static SSLSocket connect(int port, X509Bundle client, X509Bundle trusted) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(client.toKeyManagerFactory().getKeyManagers(), trusted.toTrustManagerFactory().getTrustManagers(), new SecureRandom());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return socket;
    }

    /** Writes a packet and reads one reply, framed by its Length field. */
    static byte[] exchange(SSLSocket socket, byte[] packet) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(packet);
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] header = new byte[4];
        in.readFully(header);
        int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        byte[] reply = new byte[length];
        System.arraycopy(header, 0, reply, 0, 4);
        in.readFully(reply, 4, length - 4);
        return reply;
    }
}
