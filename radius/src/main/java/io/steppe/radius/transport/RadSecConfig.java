package io.steppe.radius.transport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RadSec (RFC 6614): where it listens and the PEM files it proves itself with and checks gateways against.
 *
 * @param bindAddress   where to listen
 * @param port          TCP port (2083), 0 for any free port
 * @param certificate   the server's certificate chain (PEM)
 * @param privateKey    its private key (PKCS#8 PEM)
 * @param trustedCa     the CA that signs gateways' client certificates (PEM)
 */
public record RadSecConfig(String bindAddress, int port, Path certificate, Path privateKey, Path trustedCa) {

    public RadSecConfig {
        for (Path file : new Path[] {certificate, privateKey, trustedCa}) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("RadSec file " + file + " is not readable");
            }
        }
    }

    @Override
    public String toString() {
        return "RadSecConfig[" + bindAddress + ":" + port + ", certificate=" + certificate + ", privateKey=***, trustedCa=" + trustedCa + "]";
    }
}
