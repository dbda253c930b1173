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
        return start("serve", env, ProcessBuilder.Redirect.DISCARD, line -> HEALTH.matcher(line).find(), new java.util.ArrayList<>());
    }

    /**
     * Starts {@code steppe COMMAND} with standard error going to {@code stderr}, reads standard output into
     * {@code printed} until a line is {@code ready}, and answers the child with its API port.
     */
    static ChildSteppe start(String command, Map<String, String> env, ProcessBuilder.Redirect stderr,
                             java.util.function.Predicate<String> ready, java.util.List<String> printed) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.steppe.ops.Steppe", command)
                .redirectError(stderr);
        builder.environment().putAll(env);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int apiPort = -1;
        String line;
        while ((line = out.readLine()) != null) {
            printed.add(line);
            Matcher m = HEALTH.matcher(line);
            if (m.find()) {
                apiPort = Integer.parseInt(m.group(1));
            }
            if (ready.test(line)) {
                return new ChildSteppe(process, apiPort);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("steppe " + command + " ended before it was ready, exit " + process.exitValue() + ": " + printed);
    }

    void signal(String name) throws Exception {
        assertTrue(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor() == 0);
    }

    @Override
    public void close() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
