package io.steppe.radius.server;

import io.steppe.radius.nas.MessageAuthenticatorSightings;
import io.steppe.radius.nas.NasRepository;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateways as the server sees them: an in-memory copy of the {@code nas} table, matched by longest
 * prefix, refreshed from the database periodically so that {@code steppe nas add} needs no restart.
 * It also knows, for {@code require_message_authenticator = auto}, which gateways have sent
 * Message-Authenticator: a sighting counts at once on this node, is written to the database at the next
 * refresh (or on close), and each refresh reads those of every node. Only a sighting in the last seconds
 * before a crash can be lost, and the gateway's next signed request makes it again.
 */
public final class NasDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(NasDirectory.class);

    private final NasRepository repository;
    private final MessageAuthenticatorSightings sightings;
    private volatile List<NasRepository.Registered> gateways = List.of();
    /** As the database had it at the last refresh. */
    private volatile Set<Long> sentMessageAuthenticator = Set.of();
    /** Seen here since, not yet written. */
    private final Set<Long> unsaved = ConcurrentHashMap.newKeySet();

    public NasDirectory(NasRepository repository, MessageAuthenticatorSightings sightings) {
        this.repository = repository;
        this.sightings = sightings;
    }

    /** Writes this node's sightings, then reloads the table; on a database error the previous copy stays in use. */
    public void refresh() {
        try {
            saveSightings();
            gateways = repository.listRegistered().stream()
                    .sorted(Comparator.comparingInt((NasRepository.Registered r) -> r.nas().address().prefixLength()).reversed())
                    .toList();
            sentMessageAuthenticator = sightings.load();
        } catch (RuntimeException e) {
            LOG.warn("Could not reload the gateways, keeping the {} known: {}", gateways.size(), e.getMessage());
        }
    }

    /** Writes the sightings not yet in the database; those that fail stay for the next attempt. */
    public void saveSightings() {
        List<Long> seen = List.copyOf(unsaved);
        if (seen.isEmpty()) {
            return;
        }
        sightings.record(seen);
        Set<Long> saved = new HashSet<>(sentMessageAuthenticator);
        saved.addAll(seen);
        sentMessageAuthenticator = saved; // before they leave unsaved, so that no request finds them in neither
        seen.forEach(unsaved::remove);
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

    /** Records that the gateway sent a valid Message-Authenticator, so {@code auto} now requires it. Never blocks. */
    void sawMessageAuthenticator(long nasId) {
        if (!hasSentMessageAuthenticator(nasId)) {
            unsaved.add(nasId);
        }
    }

    boolean hasSentMessageAuthenticator(long nasId) {
        return sentMessageAuthenticator.contains(nasId) || unsaved.contains(nasId);
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
