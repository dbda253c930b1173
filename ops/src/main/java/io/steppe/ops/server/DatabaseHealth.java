package io.steppe.ops.server;

import io.steppe.db.Database;
import io.steppe.ops.web.HealthCheck;
import java.time.Duration;

/** The database answers a query. */
record DatabaseHealth(Database database) implements HealthCheck {

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean isUp() {
        return database.isUp(Duration.ofSeconds(2));
    }
}
