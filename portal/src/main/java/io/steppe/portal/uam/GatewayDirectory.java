package io.steppe.portal.uam;

import static io.steppe.db.schema.Tables.NAS;

import io.steppe.db.keys.Sealer;
import io.steppe.db.keys.SecretKeys;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.Cidr;
import org.jooq.postgres.extensions.types.Inet;

/**
 * Finds the gateway a redirect came from: by the {@code nasid} it names, else by the address it came from.
 * Every page of a login asks, so a gateway found is remembered for {@link #FRESH_FOR}, as long as the RADIUS
 * server keeps its own copy of the gateways: a change made with {@code steppe nas} reaches both within that time.
 * A gateway not found is not remembered, so one just added is found on its first redirect.
 */
public final class GatewayDirectory {

    public static final Duration FRESH_FOR = Duration.ofSeconds(5);
    /** Past this many names and addresses remembered, all are forgotten: a bound, not a policy. */
    private static final int MAX_REMEMBERED = 10_000;

    private final DSLContext dsl;
    private final Sealer secrets;
    private final Clock clock;
    private final Map<String, Remembered> found = new ConcurrentHashMap<>();

    private record Remembered(Gateway gateway, Instant until) {
    }

    /** @param keys what gateways' UAM secrets are sealed with */
    public GatewayDirectory(DSLContext dsl, SecretKeys keys, Clock clock) {
        this.dsl = dsl;
        this.secrets = keys.gateways();
        this.clock = clock;
    }

    public Optional<Gateway> find(Optional<String> nasId, InetAddress source) {
        String key = nasId.map(n -> "nasid " + n).orElseGet(() -> "address " + source.getHostAddress());
        Instant now = clock.instant();
        Remembered remembered = found.get(key);
        if (remembered != null && now.isBefore(remembered.until())) {
            return Optional.of(remembered.gateway());
        }
        Optional<Gateway> gateway = lookUp(nasId, source);
        if (gateway.isPresent()) {
            if (found.size() >= MAX_REMEMBERED) {
                found.clear();
            }
            found.put(key, new Remembered(gateway.get(), now.plus(FRESH_FOR)));
        } else {
            found.remove(key);
        }
        return gateway;
    }

    private Optional<Gateway> lookUp(Optional<String> nasId, InetAddress source) {
        if (nasId.isPresent()) {
            return dsl.select(NAS.NAME, NAS.UAM_SECRET_SEALED, NAS.UAM_SECRET, NAS.UAM_CHAP, NAS.UAM_ADDRESSES, NAS.ADDRESS).from(NAS)
                    .where(NAS.NAME.eq(nasId.get()))
                    .fetchOptional(this::gateway);
        }
        return dsl.select(NAS.NAME, NAS.UAM_SECRET_SEALED, NAS.UAM_SECRET, NAS.UAM_CHAP, NAS.UAM_ADDRESSES, NAS.ADDRESS).from(NAS)
                .where(DSL.condition("{0} >>= cast({1} as inet)", NAS.ADDRESS, DSL.val(source.getHostAddress())))
                .orderBy(DSL.field("masklen({0})", Integer.class, NAS.ADDRESS).desc()).limit(1)
                .fetchOptional(this::gateway);
    }

    /** A row's UAM secret is sealed, or in clear until the RADIUS module's first start seals it. */
    private Gateway gateway(Record6<String, byte[], String, Boolean, Inet[], Cidr> r) {
        Optional<String> uamSecret = r.value2() != null ? Optional.of(secrets.open(r.value2())) : Optional.ofNullable(r.value3());
        return new Gateway(r.value1(), uamSecret, r.value4(), Arrays.stream(r.value5()).map(Inet::address).collect(Collectors.toSet()),
                new AddressRange(r.value6().address(), r.value6().prefix()));
    }
}
