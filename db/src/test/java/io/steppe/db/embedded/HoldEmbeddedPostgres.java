package io.steppe.db.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Run in a child JVM by the tests: starts the server, writes a row, says READY and waits to be killed. */
public final class HoldEmbeddedPostgres {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(Path.of(args[0]), true);
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS survivor (note text)");
            s.execute("INSERT INTO survivor VALUES ('written before the kill')");
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
