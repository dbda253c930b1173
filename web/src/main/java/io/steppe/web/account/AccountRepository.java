package io.steppe.web.account;

import static io.steppe.db.schema.Tables.CONSOLE_ACCOUNT;
import static io.steppe.db.schema.Tables.CONSOLE_SESSION;

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

    /**
     * Removes an account, as {@link #remove} does, unless it is the last admin's: the console must keep someone who
     * can manage it (the server's CLI, whose user owns the machine, may remove anyone).
     *
     * @throws LastAdmin when it is the last admin's account
     */
    public boolean removeKeepingAnAdmin(String username, String actor) {
        return dsl.transactionResult(tx -> {
            keepAnAdmin(tx.dsl(), username);
            int removed = tx.dsl().deleteFrom(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username)).execute();
            if (removed > 0) {
                AuditLog.record(tx.dsl(), actor, "user.remove", username, Map.of());
            }
            return removed > 0;
        });
    }

    /**
     * Gives an account another role; false when there is no account of that name.
     *
     * @throws LastAdmin when it would leave no admin
     */
    public boolean changeRole(String username, Role role, String actor) {
        return dsl.transactionResult(tx -> {
            if (role != Role.ADMIN) {
                keepAnAdmin(tx.dsl(), username);
            }
            int changed = tx.dsl().update(CONSOLE_ACCOUNT).set(CONSOLE_ACCOUNT.ROLE, ConsoleRole.valueOf(role.value()))
                    .set(CONSOLE_ACCOUNT.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                    .where(CONSOLE_ACCOUNT.USERNAME.eq(username)).execute();
            if (changed > 0) {
                AuditLog.record(tx.dsl(), actor, "user.role", username, Map.of("role", role.value()));
            }
            return changed > 0;
        });
    }

    /**
     * Sets a new password and signs the account out everywhere; false when there is no account of that name.
     *
     * @throws IllegalArgumentException when the password is not acceptable
     */
    public boolean resetPassword(String username, char[] password, String actor) {
        PasswordHasher.validate(password);
        String hash = hasher.hash(password);
        return dsl.transactionResult(tx -> {
            var account = tx.dsl().update(CONSOLE_ACCOUNT).set(CONSOLE_ACCOUNT.PASSWORD_HASH, hash)
                    .set(CONSOLE_ACCOUNT.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                    .where(CONSOLE_ACCOUNT.USERNAME.eq(username)).returning(CONSOLE_ACCOUNT.ID).fetchOptional();
            if (account.isEmpty()) {
                return false;
            }
            // whoever knew the old password may hold a session: it ends with the password
            tx.dsl().deleteFrom(CONSOLE_SESSION).where(CONSOLE_SESSION.ACCOUNT_ID.eq(account.get().getId())).execute();
            AuditLog.record(tx.dsl(), actor, "user.password", username, Map.of());
            return true;
        });
    }

    /** When each account last signed in, for those with a session still kept. */
    public Map<Long, java.time.Instant> lastSignIns() {
        return dsl.select(CONSOLE_SESSION.ACCOUNT_ID, org.jooq.impl.DSL.max(CONSOLE_SESSION.CREATED_AT)).from(CONSOLE_SESSION)
                .groupBy(CONSOLE_SESSION.ACCOUNT_ID).fetchMap(r -> r.value1(), r -> r.value2().toInstant());
    }

    /** Refuses a change that would take away the last admin, {@code username}; admins are locked so two cannot race. */
    private static void keepAnAdmin(DSLContext tx, String username) {
        List<String> admins = tx.select(CONSOLE_ACCOUNT.USERNAME).from(CONSOLE_ACCOUNT)
                .where(CONSOLE_ACCOUNT.ROLE.eq(ConsoleRole.admin)).forUpdate().fetch(CONSOLE_ACCOUNT.USERNAME);
        if (admins.size() == 1 && admins.get(0).equals(username)) {
            throw new LastAdmin(username);
        }
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
