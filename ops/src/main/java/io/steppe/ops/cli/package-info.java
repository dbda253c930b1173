/**
 * The {@code steppe} subcommands. Each validates its input into one line naming the problem, and works
 * on the database of a running instance on the same {@code STEPPE_HOME} when there is one.
 */
package io.steppe.ops.cli;
