/**
 * Steppe's database: the one entry point ({@link io.steppe.db.Database}) every module gets its
 * {@code DSLContext} from, the Flyway migrations that are the only definition of the schema, and the
 * audit log that every administrative change is written to. Generated jOOQ classes live in
 * {@code io.steppe.db.schema}.
 */
package io.steppe.db;
