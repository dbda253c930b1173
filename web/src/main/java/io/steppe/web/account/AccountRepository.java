package io.steppe.web.account;

import static io.steppe.db.schema.Tables.CONSOLE_ACCOUNT;

import io.steppe.db.AuditLog;
import io.steppe.db.schema.enums.ConsoleRole;
import io.steppe.db.schema.tables.records.ConsoleAccountRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Console accounts in the database; every change is audited in its own transaction. */
public final class AccountRepository {

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private volatile String dummyHash;

    public AccountRepository(DSLContext dsl, PasswordHasher hasher) {
        this.dsl = dsl;
        this.hasher = hasher;
    }

    /**
     * Creates an account.
     *
     * @throws IllegalArgumentException when the name is taken or the name or password is not acceptable
     */
    public Account add(String username, Role role, char[] password, String actor) {
        Account.validUsername(username);
        PasswordHasher.validate(password);
        String hash = hasher.hash(password);
        try {
            return dsl.transactionResult(tx -> {
                ConsoleAccountRecord r = tx.dsl().insertInto(CONSOLE_ACCOUNT)
                        .set(CONSOLE_ACCOUNT.USERNAME, username)
                        .set(CONSOLE_ACCOUNT.ROLE, ConsoleRole.valueOf(role.value()))
                        .set(CONSOLE_ACCOUNT.PASSWORD_HASH, hash)
                        .returning().fetchOne();
                AuditLog.record(tx.dsl(), actor, "user.add", username, Map.of("role", role.value()));
                return toAccount(r);
            });
        } catch (IntegrityConstraintViolationException e) {
            throw new IllegalArgumentException("a console account named '" + username + "' already exists", e);
        }
    }

    /** Removes an account and with it every session it has; false when there is none of that name. */
    public boolean remove(String username, String actor) {
        return dsl.transactionResult(tx -> {
            int removed = tx.dsl().deleteFrom(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username)).execute();
            if (removed > 0) {
                AuditLog.record(tx.dsl(), actor, "user.remove", username, Map.of());
            }
            return removed > 0;
        });
    }

    public List<Account> list() {
        return dsl.selectFrom(CONSOLE_ACCOUNT).orderBy(CONSOLE_ACCOUNT.USERNAME).fetch(AccountRepository::toAccount);
    }

    /** The account whose name and password these are, if any; a wrong name costs as much time as a wrong password. */
    public Optional<Account> authenticate(String username, char[] password) {
        Optional<ConsoleAccountRecord> r = dsl.selectFrom(CONSOLE_ACCOUNT)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username == null ? "" : username)).fetchOptional();
        String hash = r.map(ConsoleAccountRecord::getPasswordHash).orElseGet(this::dummyHash);
        boolean matches = hasher.matches(password, hash);
        return r.filter(x -> matches).map(AccountRepository::toAccount);
    }

    /** A hash of no password anyone has, checked for unknown names so that they take as long as known ones. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(java.util.UUID.randomUUID().toString().toCharArray());
            dummyHash = hash;
        }
        return hash;
    }

    private static Account toAccount(ConsoleAccountRecord r) {
        return new Account(r.getId(), r.getUsername(), Role.parse(r.getRole().getLiteral()), r.getCreatedAt().toInstant());
    }
}
