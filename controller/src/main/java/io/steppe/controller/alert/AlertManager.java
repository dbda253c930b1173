package io.steppe.controller.alert;

import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.controller.health.Reason;
import io.steppe.controller.health.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the APs' committed states into alerts after each evaluation: works out which alerts should be open (one per
 * AP in trouble; one per gateway or site instead when enough of its APs are down), opens those that are new, makes
 * the open ones follow their AP's committed state, reasons and flaps, and resolves those no longer wanted. An AP's
 * alert is one incident from its first problem to its recovery, whatever states it passes through: opening,
 * a change of state and resolution go to the notifiers, so a pager hears of an AP that went from DEGRADED to DOWN.
 * Used by the evaluator's thread only.
 */
public final class AlertManager {

    private static final Logger LOG = LoggerFactory.getLogger(AlertManager.class);

    private final AlertStore store;
    private final AlertPolicy policy;
    private final List<AlertNotifier> notifiers;
    private final Map<String, Alert> open = new LinkedHashMap<>();
    private final Map<String, Instant> wantedSince = new HashMap<>();
    /** Each AP's group key, by identity of its inventory record (replaced when the inventory is read again). */
    private final Map<io.steppe.controller.ap.AccessPoint, String> groups = new java.util.IdentityHashMap<>();

    public AlertManager(AlertStore store, AlertPolicy policy, List<AlertNotifier> notifiers) {
        this.store = store;
        this.policy = policy;
        this.notifiers = List.copyOf(notifiers);
        store.open().forEach(a -> open.put(a.key(), a));
    }

    /**
     * Forgets what it holds and reads the open alerts again: on a node that has just taken the alerts over, or that
     * shows what another node's alerts are.
     */
    public synchronized void reload() {
        open.clear();
        wantedSince.clear();
        store.open().forEach(a -> open.put(a.key(), a));
    }

    /** The open alerts, oldest first. */
    public synchronized List<Alert> openAlerts() {
        return List.copyOf(open.values());
    }

    /** Whether an alert is wanted but waiting for its group to form, so that time alone can open it. */
    public synchronized boolean waitingToOpen() {
        return !open.keySet().containsAll(wantedSince.keySet());
    }

    public synchronized void reconcile(Collection<ApSnapshot> aps, Instant now) {
        Map<String, Alert.Wanted> wanted = wanted(aps);
        wantedSince.keySet().retainAll(wanted.keySet());
        for (Alert.Wanted w : wanted.values()) {
            Instant since = wantedSince.computeIfAbsent(w.key(), k -> now);
            Alert existing = open.get(w.key());
            if (existing == null) {
                if (w.scope().equals("ap") && Duration.between(since, now).compareTo(policy.groupWait()) < 0) {
                    continue;
                }
                Alert opened = store.open(w, now);
                open.put(w.key(), opened);
                tell(AlertNotifier.Event.OPENED, opened);
                continue;
            }
            Alert followed = existing.following(w);
            if (!followed.equals(existing)) {
                boolean changedState = followed.state() != existing.state();
                store.update(followed, changedState, now);
                open.put(w.key(), followed);
                if (changedState) {
                    tell(AlertNotifier.Event.CHANGED, followed);
                }
            }
        }
        for (Alert gone : new ArrayList<>(open.values())) {
            if (!wanted.containsKey(gone.key())) {
                store.resolve(gone, now);
                open.remove(gone.key());
                tell(AlertNotifier.Event.RESOLVED, gone.resolved(now));
            }
        }
    }

    private Map<String, Alert.Wanted> wanted(Collection<ApSnapshot> aps) {
        Map<String, Alert.Wanted> wanted = new LinkedHashMap<>();
        if (groups.size() > 2 * aps.size() + 16) {
            groups.clear();
        }
        Map<String, Integer> members = new HashMap<>();
        Map<String, List<ApSnapshot>> downByGroup = new LinkedHashMap<>();
        for (ApSnapshot ap : aps) {
            String group = groups.computeIfAbsent(ap.ap(), a -> a.gateway().map(g -> "gateway:" + g).or(() -> a.site().map(s -> "site:" + s)).orElse(""));
            if (!group.isEmpty()) {
                members.merge(group, 1, Integer::sum);
                if (ap.state() == ApState.DOWN) {
                    downByGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(ap);
                }
            }
        }
        Set<String> grouped = new HashSet<>();
        downByGroup.forEach((group, down) -> {
            int total = members.get(group);
            if (down.size() >= policy.groupMinAps() && down.size() >= policy.groupShare() * total) {
                String scope = group.substring(0, group.indexOf(':'));
                String subject = group.substring(group.indexOf(':') + 1);
                Reason affected = down.size() == total ? Reason.of(Reason.DOWN, down.size()) : Reason.variant(Reason.DOWN, "partial", down.size(), total);
                wanted.put(group + ":down", new Alert.Wanted(group + ":down", scope, subject, ApState.DOWN, List.of(affected), down.size(), 0));
                down.forEach(a -> grouped.add(a.ap().id()));
            }
        });
        for (ApSnapshot ap : aps) {
            if (!ap.state().isProblem() || grouped.contains(ap.ap().id())) {
                continue;
            }
            String key = "ap:" + ap.ap().id();
            wanted.put(key, new Alert.Wanted(key, "ap", ap.ap().id(), ap.state(), ap.condition().reasons(), 1, ap.flaps()));
        }
        return wanted;
    }

    private void tell(AlertNotifier.Event event, Alert alert) {
        for (AlertNotifier n : notifiers) {
            try {
                n.notify(event, alert);
            } catch (RuntimeException e) {
                LOG.warn("Alert {} not handed to {}: {}", alert.id(), n.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Writes alerts to the log: always on, whatever else is configured. */
    public static AlertNotifier log() {
        Logger log = LoggerFactory.getLogger("io.steppe.controller.alerts");
        Words english = Words.english();
        return (event, alert) -> {
            if (event == AlertNotifier.Event.RESOLVED) {
                log.info("ALERT {} resolved: {}", alert.id(), alert.message(english));
            } else {
                log.warn("ALERT {} {}: {}", alert.id(), event.name().toLowerCase(java.util.Locale.ROOT), alert.message(english));
            }
        };
    }
}
