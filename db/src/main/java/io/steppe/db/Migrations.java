package io.steppe.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database to the newest schema; the migrations under {@code db/migration} are the only schema. */
final class Migrations {

    private Migrations() {
    }

    static MigrateResult apply(DataSource dataSource) {
        try {
            return Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseUnavailableException(
                    "database migration failed: " + DatabaseUnavailableException.rootMessage(e), e);
        }
    }
}
