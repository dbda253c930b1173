/**
 * Console accounts (operators, planners, admins): their passwords, kept as bcrypt hashes, and their
 * login sessions, kept as hashes of random tokens. Every account change is audited.
 */
package io.steppe.ops.account;
