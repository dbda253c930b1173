package io.steppe.portal.uam;

import java.util.Optional;

/** A registered gateway as the portal needs it: its name, UAM secret and whether it logs users on by CHAP. */
public record Gateway(String name, Optional<String> uamSecret, boolean chap) {

    @Override
    public String toString() {
        return "Gateway[" + name + ", uamSecret=" + (uamSecret.isPresent() ? "***" : "-") + ", chap=" + chap + "]";
    }
}
