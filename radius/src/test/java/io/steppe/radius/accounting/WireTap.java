package io.steppe.radius.accounting;

import io.steppe.db.TestDatabases;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback proxy in front of PostgreSQL that reads what the client sends (the frontend messages of the PostgreSQL
 * manual's "Message Formats"), to count round trips where they happen: on the wire, whatever the driver or jOOQ do
 * above it. A round trip ends with a Sync (extended protocol) or is one Query (simple protocol), after which the
 * client waits for ReadyForQuery; but the BEGIN that pgjdbc sends as a Query ahead of a transaction's first
 * statement goes in the same flight as that statement, unawaited ({@code QueryExecutorImpl.sendQueryPreamble}), so
 * it is not counted. The tap can also cut the connection instead of passing on a COMMIT, as a server or network
 * lost at that moment would.
 */
final class WireTap implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:]+):(\\d+)/([^?]*)(\\?.*)?");
    private static final Pattern COMMIT = Pattern.compile("\\s*commit\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BEGIN = Pattern.compile("\\s*begin\\s*", Pattern.CASE_INSENSITIVE);
    /** SSLRequest and GSSENCRequest: answered with one byte, then the real startup message follows. */
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final TestDatabases.Location database;
    private final String host;
    private final int port;
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger roundTrips = new AtomicInteger();
    private volatile boolean cutAtCommit;

    WireTap(TestDatabases.Location database) throws IOException {
        Matcher m = URL.matcher(database.url());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL URL with host and port: " + database);
        }
        this.database = database;
        this.host = m.group(1);
        this.port = Integer.parseInt(m.group(2));
        Thread accepting = new Thread(this::accept, "wire-tap");
        accepting.setDaemon(true);
        accepting.start();
    }

    /**
     * A connection through the tap. Without TLS, so that the messages can be read; without server-prepared
     * statements, so that every statement's text passes (round trips are the same either way).
     */
    Connection connect() throws SQLException {
        Matcher m = URL.matcher(database.url());
        m.matches();
        String query = m.group(4) == null ? "?" : m.group(4) + "&";
        String url = "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/" + m.group(3) + query
                + "sslmode=disable&gssEncMode=disable&prepareThreshold=0";
        return DriverManager.getConnection(url, database.user().orElse(null), database.password().orElse(null));
    }

    /** Round trips so far, of every connection through the tap. */
    int roundTrips() {
        return roundTrips.get();
    }

    /** From now on, a COMMIT is not passed on: the connection that sends it is cut. */
    void cutAtCommit() {
        cutAtCommit = true;
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                sockets.add(client);
                sockets.add(server);
                start(() -> clientToServer(client, server));
                start(() -> pump(server, client));
            }
        } catch (IOException closed) {
            // the tap is closed
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "wire-tap-pump");
        t.setDaemon(true);
        t.start();
    }

    private void clientToServer(Socket client, Socket server) {
        try (DataInputStream in = new DataInputStream(client.getInputStream()); OutputStream out = server.getOutputStream()) {
            boolean started = false;
            while (true) {
                byte type = started ? in.readByte() : 0;
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (body.length < length - 4) {
                    throw new EOFException();
                }
                if (!started) {
                    int code = body.length >= 4 ? ((body[0] & 0xFF) << 24) | ((body[1] & 0xFF) << 16) | ((body[2] & 0xFF) << 8) | (body[3] & 0xFF) : 0;
                    started = code != SSL_REQUEST && code != GSS_REQUEST;
                } else if (type == 'S' || type == 'Q' && !BEGIN.matcher(statement(type, body)).matches()) {
                    roundTrips.incrementAndGet();
                }
                if (cutAtCommit && (type == 'P' || type == 'Q') && COMMIT.matcher(statement(type, body)).matches()) {
                    client.close();
                    server.close();
                    return;
                }
                if (type != 0) {
                    out.write(type);
                }
                out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
                out.write(body);
                out.flush();
            }
        } catch (IOException gone) {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    /** The SQL of a Query (text) or Parse (statement name, then text) message. */
    private static String statement(byte type, byte[] body) {
        int from = 0;
        if (type == 'P') {
            while (body[from] != 0) {
                from++;
            }
            from++;
        }
        int to = from;
        while (to < body.length && body[to] != 0) {
            to++;
        }
        return new String(body, from, to - from, StandardCharsets.UTF_8);
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException gone) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
