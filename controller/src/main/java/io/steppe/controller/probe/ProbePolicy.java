package io.steppe.controller.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Which management addresses are probed, on which port, how long a connect may take and how many run at once.
 *
 * @param scope       {@code all}, {@code loopback} (the demo: never touch addresses off this machine) or {@code off}
 * @param port        the TCP port that answers on a working AP (22: SSH, open on most AP firmware)
 * @param timeout     per connect
 * @param concurrency connects in flight at most
 * @param every       how long a result stands before the AP is probed again
 */
public record ProbePolicy(Scope scope, int port, Duration timeout, int concurrency, Duration every) {

    /** Which addresses may be probed. */
    public enum Scope { ALL, LOOPBACK, OFF }

    public ProbePolicy {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("probe port must be 1..65535, was " + port);
        }
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("probe concurrency must be 1..1024, was " + concurrency);
        }
    }

    public static ProbePolicy off() {
        return new ProbePolicy(Scope.OFF, 22, Duration.ofSeconds(1), 32, Duration.ofSeconds(30));
    }

    /** Whether the address may be probed under this policy. */
    public boolean allows(String address) {
        return switch (scope) {
            case OFF -> false;
            case ALL -> true;
            case LOOPBACK -> {
                try {
                    yield InetAddress.getByName(address).isLoopbackAddress();
                } catch (UnknownHostException e) {
                    yield false;
                }
            }
        };
    }
}
