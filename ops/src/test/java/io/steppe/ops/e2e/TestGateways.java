package io.steppe.ops.e2e;

import io.steppe.bench.sim.UamGatewaySimulator;
import io.steppe.ops.server.SteppeServer;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/** Registers the gateways a test plays, as {@code steppe nas add} would. */
final class TestGateways {

    private TestGateways() {
    }

    static void add(SteppeServer server, String name, String address, String radiusSecret, Optional<String> uamSecret) {
        new NasRepository(server.database().dsl(), server.keys()).add(new Nas(name, NasAddress.parse(address), radiusSecret, uamSecret, 3799,
                MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO), "test");
    }

    /**
     * A simulated CoovaChilli on loopback registered as {@code name}, sending its one client {@code clientMac} to
     * {@code server}'s portal; with {@code accounting}, it accounts the clients it lets in, as a real one does.
     */
    static UamGatewaySimulator simulator(SteppeServer server, String name, String radiusSecret, Optional<String> uamSecret,
                                         String clientMac, boolean accounting) {
        return new UamGatewaySimulator(name, radiusSecret, uamSecret, clientMac, new InetSocketAddress("127.0.0.1", server.radius().authPort()),
                accounting ? Optional.of(new InetSocketAddress("127.0.0.1", server.radius().acctPort())) : Optional.empty(),
                URI.create("http://127.0.0.1:" + server.listeners().portalPort() + "/"));
    }
}
