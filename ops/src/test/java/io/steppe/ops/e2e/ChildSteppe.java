package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code steppe serve} in a JVM of its own, so a test can send it real signals. */
final class ChildSteppe implements AutoCloseable {

    private static final Pattern HEALTH = Pattern.compile("health\\s+http://127\\.0\\.0\\.1:(\\d+)/health");

    final Process process;
    final int apiPort;

    private ChildSteppe(Process process, int apiPort) {
        this.process = process;
        this.apiPort = apiPort;
    }

    static ChildSteppe serve(Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.steppe.ops.Steppe", "serve")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = HEALTH.matcher(line);
            if (m.find()) {
                return new ChildSteppe(process, Integer.parseInt(m.group(1)));
            }
        }
        process.destroyForcibly();
        throw new AssertionError("steppe serve ended before it listened, exit " + process.exitValue());
    }

    void signal(String name) throws Exception {
        assertTrue(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor() == 0);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
