// Starts a throw-away PostgreSQL, applies the migrations and hands its URL to jOOQ's code generator.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import org.flywaydb.core.Flyway

// Loaded now so zonky's shutdown hook can still delete its folder after Maven closes this class loader.
org.apache.commons.io.FileUtils.getTempDirectory()

def pg = EmbeddedPostgres.builder().start()
try {
    Flyway.configure(this.class.classLoader)
          .dataSource(pg.getPostgresDatabase())
          .locations("filesystem:" + project.basedir + "/src/main/resources/db/migration")
          .loggers("slf4j")
          .load()
          .migrate()
} catch (Throwable t) {
    pg.close()
    throw t
}
project.properties.setProperty("embedded.pg.url", pg.getJdbcUrl("postgres", "postgres"))
project.setContextValue("steppe.codegen.pg", pg)
