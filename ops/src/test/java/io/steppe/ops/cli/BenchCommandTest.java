package io.steppe.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.bench.LoopbackResponder;
import io.steppe.ops.UserError;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench radius} end to end against a {@link LoopbackResponder} on 127.0.0.1: short runs (1 s measured),
 * every request answered, nothing lost; and bad input refused with one line naming the option. No assertion on
 * speed: this machine may be busy.
 */
class BenchCommandTest {

    private static final String SECRET = "bench-test-secret";

    record Result(int status, String out, String err) {
        long value(String key) {
            Matcher m = Pattern.compile("\\b" + key + "=(\\d+)").matcher(out);
            assertTrue(m.find(), key + " missing from: " + out);
            return Long.parseLong(m.group(1));
        }
    }

    /** Runs the command as Steppe's launcher would: bad input becomes "steppe: message" and status 2. */
    static Result bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), java.time.Clock.systemUTC());
        CommandLine cli = new CommandLine(new BenchCommand(context));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError || e instanceof IllegalArgumentException) {
                err.write("steppe: " + e.getMessage() + System.lineSeparator());
                return 2;
            }
            throw e;
        });
        int status = cli.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void papAsFastAsTheWindowAllows() throws Exception {
        try (LoopbackResponder responder = new LoopbackResponder(SECRET)) {
            Result result = bench("radius", "--mode", "pap", "--max", "--duration", "1", "--warmup", "1", "--window", "64",
                    "--target", "127.0.0.1:" + responder.port(), "--secret", SECRET, "--user", "alice", "--password", "alice-pass");
            assertEquals(0, result.status(), result.err() + result.out());
            assertTrue(result.out().contains("RADIUS bench: pap to 127.0.0.1:" + responder.port()), result.out());
            assertTrue(result.value("answered") > 0, result.out());
            assertEquals(result.value("sent"), result.value("accept"), result.out());
            assertEquals(0, result.value("lost"), result.out());
            assertEquals(0, result.value("invalid"), result.out());
            assertEquals(0, responder.refused(), "requests the responder found malformed or badly signed");
            assertTrue(result.out().lines().anyMatch(l -> l.startsWith("RESULT mode=pap ")), result.out());
            assertTrue(!result.out().contains(SECRET) && !result.out().contains("alice-pass"), result.out());
        }
    }

    @Test
    void chapAndAccountingAtAFixedRate() throws Exception {
        try (LoopbackResponder responder = new LoopbackResponder(SECRET)) {
            for (String[] mode : new String[][] {{"--mode", "chap", "--user", "alice", "--password", "alice-pass"}, {"--mode", "acct"}}) {
                String[] common = {"radius", "--rate", "2000", "--duration", "1", "--warmup", "0",
                        "--target", "127.0.0.1:" + responder.port(), "--secret", SECRET};
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(mode))
                        .toArray(String[]::new);
                Result result = bench(args);
                assertEquals(0, result.status(), result.err() + result.out());
                assertTrue(result.value("answered") > 0, result.out());
                assertEquals(result.value("sent"), result.value("answered"), result.out());
                assertEquals(0, result.value("lost"), result.out());
            }
            assertEquals(0, responder.refused());
        }
    }

    @Test
    void refusesATargetThatIsNotLoopback() {
        Result result = bench("radius", "--max", "--duration", "1", "--target", "10.0.0.1:1812", "--secret", "s",
                "--user", "alice", "--password", "alice-pass");
        assertEquals(2, result.status());
        assertEquals("steppe: --target 10.0.0.1 is not a loopback address: the generator only sends to 127.0.0.0/8 or ::1",
                result.err().strip());
        assertEquals("", result.out());
    }

    @Test
    void refusesOtherBadInputWithOneLine() {
        String[][] cases = {
            {"give either --rate R (requests per second) or --max", "radius", "--secret", "s", "--mode", "acct"},
            {"give either --rate R (requests per second) or --max", "radius", "--secret", "s", "--mode", "acct", "--max", "--rate", "5"},
            {"--duration must be 1 to 600 seconds, was 601", "radius", "--secret", "s", "--mode", "acct", "--max", "--duration", "601"},
            {"--mode must be pap, chap or acct, was 'eap'", "radius", "--secret", "s", "--mode", "eap", "--max"},
            {"--mode pap needs --user and --password", "radius", "--secret", "s", "--max"},
            {"--window must be 1 to 16384, was 0", "radius", "--secret", "s", "--mode", "acct", "--max", "--window", "0"},
            {"bench needs a subcommand", },
            {"cannot read --vouchers /nonexistent", "ac", "--ac-name", "a", "--secret", "s", "--portal-secret", "p", "--vouchers", "/nonexistent"},
            {"--concurrency must be 1 to 256, was 0", "ac", "--ac-name", "a", "--secret", "s", "--portal-secret", "p", "--vouchers", "v",
                    "--concurrency", "0"},
        };
        for (String[] c : cases) {
            Result result = bench(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, result.status(), String.join(" ", c));
            assertEquals(1, result.err().strip().lines().count(), result.err());
            assertTrue(result.err().contains(c[0]), result.err());
        }
    }

    @Test
    void hasHelp() {
        assertTrue(bench("--help").out().startsWith("Usage: bench"));
        Result help = bench("radius", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--target=HOST:PORT"), help.out());
    }
}
