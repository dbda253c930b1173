package io.steppe.radius.server;

import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasRepository;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateways as the server sees them: an in-memory copy of the {@code nas} table, matched by longest
 * prefix, refreshed from the database periodically so that {@code steppe nas add} needs no restart.
 * It also remembers, for {@code require_message_authenticator = auto}, which gateways have sent
 * Message-Authenticator (like FreeRADIUS, not across restarts).
 */
public final class NasDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(NasDirectory.class);

    private final NasRepository repository;
    private volatile List<NasRepository.Registered> gateways = List.of();
    private final Set<String> sentMessageAuthenticator = ConcurrentHashMap.newKeySet();

    public NasDirectory(NasRepository repository) {
        this.repository = repository;
    }

    /** Reloads the table; on a database error the previous copy stays in use. */
    public void refresh() {
        try {
            gateways = repository.listRegistered().stream()
                    .sorted(Comparator.comparingInt((NasRepository.Registered r) -> r.nas().address().prefixLength()).reversed())
                    .toList();
        } catch (RuntimeException e) {
            LOG.warn("Could not reload the gateways, keeping the {} known: {}", gateways.size(), e.getMessage());
        }
    }

    /** The gateway with the longest prefix containing {@code source}; IPv4-mapped IPv6 sources match IPv4 entries. */
    public Optional<NasRepository.Registered> find(InetAddress source) {
        InetAddress address = unmapped(source);
        for (NasRepository.Registered registered : gateways) {
            if (registered.nas().address().contains(address)) {
                return Optional.of(registered);
            }
        }
        return Optional.empty();
    }

    public int size() {
        return gateways.size();
    }

    /** Records that {@code nas} sent a valid Message-Authenticator, so {@code auto} now requires it. */
    void sawMessageAuthenticator(Nas nas) {
        sentMessageAuthenticator.add(nas.name());
    }

    boolean hasSentMessageAuthenticator(Nas nas) {
        return sentMessageAuthenticator.contains(nas.name());
    }

    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }
}
