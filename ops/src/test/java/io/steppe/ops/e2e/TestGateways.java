package io.steppe.ops.e2e;

import io.steppe.ops.server.SteppeServer;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import java.util.Optional;

/** Registers the gateways a test plays, as {@code steppe nas add} would. */
final class TestGateways {

    private TestGateways() {
    }

    static void add(SteppeServer server, String name, String address, String radiusSecret, Optional<String> uamSecret) {
        new NasRepository(server.database().dsl(), server.keys()).add(new Nas(name, NasAddress.parse(address), radiusSecret, uamSecret, 3799,
                MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO), "test");
    }
}
