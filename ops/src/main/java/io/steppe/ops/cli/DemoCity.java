package io.steppe.ops.cli;

import io.steppe.ops.account.AccountRepository;
import io.steppe.ops.account.PasswordHasher;
import io.steppe.ops.account.Role;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The demo city: Ulanqab-like gateways (Jining district's centre, a scenic spot, a village) on loopback
 * addresses, and an admin account. Seeding twice adds nothing the first run made.
 */
final class DemoCity {

    /** What seeding made: the admin's password is known only when this run created the account. */
    record Seeded(int gateways, Optional<String> adminPassword) {
    }

    private static final List<Nas> GATEWAYS = List.of(
            new Nas("jining-centre-gw", NasAddress.parse("127.0.0.1"), "demo-jining-centre-secret", Optional.of("demo-uam-secret"),
                    3799, MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO),
            new Nas("huitengxile-scenic-gw", NasAddress.parse("127.0.1.0/24"), "demo-huitengxile-secret", Optional.of("demo-uam-secret"),
                    3799, MessageAuthenticatorPolicy.YES, MessageAuthenticatorPolicy.AUTO),
            new Nas("liangcheng-village-gw", NasAddress.parse("::1"), "demo-liangcheng-secret", Optional.empty(),
                    3799, MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO));

    private final DSLContext dsl;
    private final String actor;

    DemoCity(DSLContext dsl, String actor) {
        this.dsl = dsl;
        this.actor = actor;
    }

    Seeded seed() {
        NasRepository gateways = new NasRepository(dsl);
        for (Nas nas : GATEWAYS) {
            if (gateways.find(nas.name()).isEmpty()) {
                gateways.add(nas, actor);
            }
        }
        AccountRepository accounts = new AccountRepository(dsl, PasswordHasher.standard());
        Optional<String> password = Optional.empty();
        if (accounts.list().stream().noneMatch(a -> a.username().equals("admin"))) {
            String generated = randomPassword();
            accounts.add("admin", Role.ADMIN, generated.toCharArray(), actor);
            password = Optional.of(generated);
        }
        return new Seeded(GATEWAYS.size(), password);
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
