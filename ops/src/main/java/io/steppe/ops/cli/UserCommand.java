package io.steppe.ops.cli;

import io.steppe.ops.UserError;
import io.steppe.web.account.Account;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code steppe user add|list|remove}: console accounts. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage console accounts (operator, planner, admin).")
public final class UserCommand implements Runnable {

    private final CliContext context;

    public UserCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("user needs a subcommand: add, list or remove (see 'steppe user --help')");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a console account; without --password the password is read from standard input.")
    int add(@Option(names = "--name", required = true, description = "user name: lower-case letters, digits, . _ -") String name,
            @Option(names = "--role", required = true, paramLabel = "operator|planner|admin") String role,
            @Option(names = "--password", description = "at least 10 characters (prefer standard input: "
                    + "a password on the command line is visible to other users of the machine)") String password) {
        Account.validUsername(name);
        Role parsedRole = Role.parse(role);
        char[] secret = password != null ? password.toCharArray() : context.readSecret("Password for " + name + ": ");
        try {
            PasswordHasher.validate(secret);
            Account account = context.withDatabase(db ->
                    new AccountRepository(db.dsl(), PasswordHasher.standard()).add(name, parsedRole, secret, context.actor()));
            context.out().println("console account " + account.username() + " (" + account.role().value() + ") created");
        } finally {
            Arrays.fill(secret, '\0');
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List console accounts.")
    int list() {
        List<Account> all = context.withDatabase(db -> new AccountRepository(db.dsl(), PasswordHasher.standard()).list());
        context.out().printf("%-32s %-9s %s%n", "NAME", "ROLE", "CREATED");
        for (Account account : all) {
            context.out().printf("%-32s %-9s %s%n", account.username(), account.role().value(), account.createdAt());
        }
        return 0;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a console account and end its sessions.")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        boolean removed = context.withDatabase(db ->
                new AccountRepository(db.dsl(), PasswordHasher.standard()).remove(name, context.actor()));
        if (!removed) {
            throw new UserError("no console account named '" + name + "'");
        }
        context.out().println("console account " + name + " removed");
        return 0;
    }
}
