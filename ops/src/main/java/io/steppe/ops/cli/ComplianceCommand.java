package io.steppe.ops.cli;

import io.steppe.db.file.OwnerOnlyFiles;
import io.steppe.db.keys.SecretKeys;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.UserError;
import io.steppe.ops.compliance.AccessLog;
import io.steppe.ops.compliance.AccessLogRefused;
import io.steppe.ops.compliance.AccessLogRequest;
import io.steppe.ops.server.PhoneKey;
import io.steppe.portal.sms.MobileNumbers;
import io.steppe.portal.sms.PhoneVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code steppe compliance export}: the real-name access log (MPS Order 82) for a span, of one phone number, device,
 * address or voucher or of everyone, to a new owner-only CSV file; every export is audited with its reason.
 */
@Command(name = "compliance", mixinStandardHelpOptions = true, description = "The real-name access log the law asks for.")
public final class ComplianceCommand implements Runnable {

    private final CliContext context;

    public ComplianceCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("compliance needs a subcommand: export (see 'steppe compliance --help')");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write one CSV row per session that overlaps --from..--to (closed or still open): the identity (phone number "
                    + "in clear, or voucher), client MAC, IP, gateway, AP, SSID, login and logout in STEPPE_ZONE with its offset "
                    + "(logout empty while open), bytes in and out, terminate cause.",
                    "Times: ISO-8601 with an offset, or a local date-time in STEPPE_ZONE (2026-12-06 21:14); --from equal to --to asks "
                    + "about one instant. Sessions that started more than 7 days before --from are not searched (Steppe grants at "
                    + "most a day a session), which keeps the query to the months concerned.",
                    "The file is readable by its owner only and never overwritten; the export, who made it, why and how many "
                    + "rows, is recorded in the audit log."})
    int export(@Option(names = "--from", paramLabel = "T", description = "the span's start") String from,
               @Option(names = "--to", paramLabel = "T", description = "the span's end") String to,
               @Option(names = "--phone", paramLabel = "N", description = "only this mobile number's sessions") String phone,
               @Option(names = "--mac", paramLabel = "M", description = "only this client MAC's sessions") String mac,
               @Option(names = "--ip", paramLabel = "A", description = "only the sessions that had this address") String ip,
               @Option(names = "--voucher", paramLabel = "C", description = "only this voucher's sessions") String voucher,
               @Option(names = "--reason", paramLabel = "R", description = "why it is asked (a case number, a request's reference); required") String reason,
               @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV file to write (must not exist)") Path out) {
        SteppeConfig config = context.config();
        AccessLogRequest request;
        try {
            request = AccessLogRequest.of(from, to, new AccessLogRequest.Identities(phone, mac, ip, voucher), reason,
                    config.console().zone(), new MobileNumbers(config.portal().smsCountries()));
        } catch (AccessLogRefused e) {
            throw new UserError(e.getMessage(), e);
        }
        if (Files.exists(out)) {
            throw new UserError(out + " already exists; the export never overwrites a file");
        }
        PhoneVault phones = PhoneKey.existingVault(config.home());
        SecretKeys keys = context.keys();
        int rows;
        try (Writer writer = OwnerOnlyFiles.newWriter(out, true)) {
            rows = context.withDatabase(db -> new AccessLog(db.dsl(), phones, keys, config.console().zone())
                    .export(request, writer, context.actor(), AccessLog.Via.CLI, Map.of("file", out.toAbsolutePath().toString())));
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(out);
            throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(out);
            throw e;
        }
        context.out().println(rows + " sessions written to " + out);
        return 0;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the error that brought us here is the one to report
        }
    }
}
