package io.steppe.ops.cli;

import io.steppe.ops.UserError;
import io.steppe.radius.auth.VoucherIssuer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code steppe voucher create}: vouchers for tourist desks and hotels. */
@Command(name = "voucher", mixinStandardHelpOptions = true, description = "Create vouchers for tourist desks and hotels.")
public final class VoucherCommand implements Runnable {

    private final CliContext context;

    public VoucherCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("voucher needs a subcommand: create (see 'steppe voucher --help')");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Print new vouchers, one code a line.",
                    "A voucher is entered on the portal, or as both user name and password on a gateway's own login page."})
    int create(@Option(names = "--count", required = true, description = "how many (1..10000)") int count,
               @Option(names = "--minutes", required = true, description = "minutes of access each gives") int minutes,
               @Option(names = "--valid-days", defaultValue = "30", description = "days until unused time expires (default ${DEFAULT-VALUE})") int validDays,
               @Option(names = "--devices", defaultValue = "1", description = "devices that may use one voucher (default ${DEFAULT-VALUE})") int devices) {
        if (validDays < 1) {
            throw new UserError("--valid-days must be at least 1, was " + validDays);
        }
        List<String> codes = context.withDatabase(db -> new VoucherIssuer(db.dsl(), context.keys(), context.clock(), new SecureRandom())
                .issue(count, minutes, Duration.ofDays(validDays), devices, context.actor()));
        codes.forEach(context.out()::println);
        return 0;
    }
}
