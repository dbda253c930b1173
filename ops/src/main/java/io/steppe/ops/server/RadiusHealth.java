package io.steppe.ops.server;

import io.steppe.ops.web.HealthCheck;
import io.steppe.radius.RadiusService;

/** The RADIUS listeners are bound and the workers running. */
record RadiusHealth(RadiusService radius) implements HealthCheck {

    @Override
    public String name() {
        return "radius";
    }

    @Override
    public boolean isUp() {
        return radius.isUp();
    }
}
