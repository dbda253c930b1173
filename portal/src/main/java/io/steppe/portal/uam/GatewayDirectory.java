package io.steppe.portal.uam;

import static io.steppe.db.schema.Tables.NAS;

import java.net.InetAddress;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Finds the gateway a redirect came from: by the {@code nasid} it names, else by the address it came from. */
public final class GatewayDirectory {

    private final DSLContext dsl;

    public GatewayDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Gateway> find(Optional<String> nasId, InetAddress source) {
        if (nasId.isPresent()) {
            return dsl.select(NAS.NAME, NAS.UAM_SECRET, NAS.UAM_CHAP).from(NAS).where(NAS.NAME.eq(nasId.get()))
                    .fetchOptional(r -> new Gateway(r.value1(), Optional.ofNullable(r.value2()), r.value3()));
        }
        return dsl.select(NAS.NAME, NAS.UAM_SECRET, NAS.UAM_CHAP).from(NAS)
                .where(DSL.condition("{0} >>= cast({1} as inet)", NAS.ADDRESS, DSL.val(source.getHostAddress())))
                .orderBy(DSL.field("masklen({0})", Integer.class, NAS.ADDRESS).desc()).limit(1)
                .fetchOptional(r -> new Gateway(r.value1(), Optional.ofNullable(r.value2()), r.value3()));
    }
}
