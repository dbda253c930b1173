package io.steppe.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One phone's HTTP/1.1 connection to a loopback server, kept open between requests as a browser keeps it. The
 * generator shares two cores with the server it measures, so it speaks the protocol as plainly as it can:
 * {@code java.net.http.HttpClient} cost about as much CPU per login as the server did.
 */
final class KeepAliveConnection implements AutoCloseable {

    /** A response; header names in lower case. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private final LoopbackTarget target;
    private final String host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(LoopbackTarget target) {
        this.target = target;
        this.host = target.toString();
    }

    Response get(String pathAndQuery) throws IOException {
        return exchange("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    }

    /** A GET with {@code Authorization: Bearer token}, as the console API asks. */
    Response get(String pathAndQuery, String token) throws IOException {
        return exchange("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token + "\r\n\r\n");
    }

    Response postForm(String path, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body);
    }

    private Response exchange(String request) throws IOException {
        if (socket == null) {
            socket = new Socket(target.address().getAddress(), target.address().getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        try {
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Response response = read();
            if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
                close();
            }
            return response;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Response read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        Map<String, String> headers = new HashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new IOException("connection closed by " + host + " within a response");
            }
            body.write(bytes);
        }
        return new Response(Integer.parseInt(status.substring(9, 12)), headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by " + host);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        Socket closing = socket;
        socket = null;
        if (closing == null) {
            return;
        }
        try {
            closing.close();
        } catch (IOException e) {
            // a loopback socket that failed already; the next request opens a new one
        }
    }
}
