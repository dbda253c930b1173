package io.steppe.portal.uam;

import static io.steppe.db.schema.Tables.NAS;

import io.steppe.db.AuditLog;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.postgres.extensions.types.Inet;

/**
 * The addresses each gateway's redirects may name as {@code uamip} ({@code steppe nas add --uam-address}): where
 * the portal may send a browser with a credential for a gateway that cannot sign its redirects.
 */
public final class UamAddresses {

    private final DSLContext dsl;

    public UamAddresses(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces the addresses of {@code gateway}, audited; false when there is no gateway of that name. */
    public boolean set(String gateway, List<InetAddress> addresses, String actor) {
        Inet[] values = addresses.stream().distinct().map(Inet::valueOf).toArray(Inet[]::new);
        return dsl.transactionResult(tx -> {
            boolean updated = tx.dsl().update(NAS).set(NAS.UAM_ADDRESSES, values).where(NAS.NAME.eq(gateway)).execute() > 0;
            if (updated) {
                AuditLog.record(tx.dsl(), actor, "nas.uam_addresses", gateway,
                        Map.of("addresses", addresses.stream().map(InetAddress::getHostAddress).distinct().toList()));
            }
            return updated;
        });
    }

    /** Every gateway's addresses, by name; a gateway without any has an empty list. */
    public Map<String, List<String>> all() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        dsl.select(NAS.NAME, NAS.UAM_ADDRESSES).from(NAS).orderBy(NAS.NAME).forEach(r -> out.put(r.value1(),
                Arrays.stream(r.value2()).map(i -> i.address().getHostAddress()).collect(Collectors.toList())));
        return out;
    }
}
