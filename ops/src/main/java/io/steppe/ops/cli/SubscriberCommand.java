package io.steppe.ops.cli;

import static io.steppe.db.schema.Tables.PHONE_IDENTITY;
import static io.steppe.db.schema.Tables.SUBSCRIBER;

import io.steppe.db.AuditLog;
import io.steppe.db.file.OwnerOnlyFiles;
import io.steppe.web.Csv;
import io.steppe.ops.UserError;
import io.steppe.ops.server.PhoneKey;
import io.steppe.portal.sms.PhoneVault;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code steppe subscribers export}: the real-name register (subscriber, mobile number in clear, first seen),
 * the one way numbers leave Steppe readable, for the authorities that may ask for it. Audited.
 */
@Command(name = "subscribers", mixinStandardHelpOptions = true, description = "The real-name register of subscribers.")
public final class SubscriberCommand implements Runnable {

    private final CliContext context;

    public SubscriberCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("subscribers needs a subcommand: export (see 'steppe subscribers --help')");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write every phone subscriber with the number in clear to a CSV file readable by its owner only.",
                    "Needs the phone key in $STEPPE_HOME/keys; the export is recorded in the audit log."})
    int export(@Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV file to write (must not exist)") Path out) {
        if (Files.exists(out)) {
            throw new UserError(out + " already exists; the export never overwrites a file");
        }
        PhoneVault vault = PhoneKey.existingVault(context.config().home());
        int rows = context.withDatabase(db -> db.dsl().transactionResult(tx -> {
            var records = tx.dsl().select(SUBSCRIBER.ID, PHONE_IDENTITY.PHONE_CIPHERTEXT, PHONE_IDENTITY.CREATED_AT, SUBSCRIBER.LANGUAGE)
                    .from(PHONE_IDENTITY).join(SUBSCRIBER).on(SUBSCRIBER.ID.eq(PHONE_IDENTITY.SUBSCRIBER_ID))
                    .orderBy(SUBSCRIBER.ID).fetch();
            try (Writer writer = OwnerOnlyFiles.newWriter(out, true)) {
                writer.write(Csv.row("subscriber_id", "phone", "first_seen", "language"));
                for (var r : records) {
                    writer.write(Csv.row(r.value1().toString(), vault.decrypt(r.value2()).e164(), r.value3().toInstant().toString(),
                            r.value4() == null ? "" : r.value4()));
                }
            } catch (IOException e) {
                throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
            }
            AuditLog.record(tx.dsl(), context.actor(), "subscribers.export", out.toAbsolutePath().toString(), Map.of("rows", records.size()));
            return records.size();
        }));
        context.out().println(rows + " subscribers written to " + out);
        return 0;
    }
}
