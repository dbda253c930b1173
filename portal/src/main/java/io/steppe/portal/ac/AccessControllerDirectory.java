package io.steppe.portal.ac;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The registered ACs as the portal's pages ask for them, at every page of a login: each answer, found or not, is
 * remembered for {@link #FRESH_FOR}, well inside the two seconds in which a change made on any node must hold
 * everywhere. Reading the database and opening the sealed secret each time cost a sixteenth of a login's CPU.
 */
public final class AccessControllerDirectory {

    public static final Duration FRESH_FOR = Duration.ofSeconds(1);
    /** Past this many names and addresses remembered, all are forgotten: a bound against made-up names, not a policy. */
    private static final int MAX_REMEMBERED = 10_000;

    private final AccessControllers controllers;
    private final Clock clock;
    private final Map<String, Remembered> found = new ConcurrentHashMap<>();

    private record Remembered(Optional<AccessController> controller, Instant until) {
    }

    public AccessControllerDirectory(AccessControllers controllers, Clock clock) {
        this.controllers = controllers;
        this.clock = clock;
    }

    /** {@link AccessControllers#named}, remembered. */
    public Optional<AccessController> named(String name) {
        return remembered("name " + name, () -> controllers.named(name));
    }

    /** {@link AccessControllers#at}, remembered. */
    public Optional<AccessController> at(InetAddress address) {
        return remembered("address " + address.getHostAddress(), () -> controllers.at(address));
    }

    private Optional<AccessController> remembered(String key, Supplier<Optional<AccessController>> lookUp) {
        Instant now = clock.instant();
        Remembered r = found.get(key);
        if (r != null && now.isBefore(r.until())) {
            return r.controller();
        }
        Optional<AccessController> controller = lookUp.get();
        if (found.size() >= MAX_REMEMBERED) {
            found.clear();
        }
        found.put(key, new Remembered(controller, now.plus(FRESH_FOR)));
        return controller;
    }
}
