/**
 * Console accounts (operators, planners, admins): their passwords, kept as bcrypt hashes, and their
 * login sessions, kept as hashes of random tokens, and the throttle on failed logins, kept in the database so
 * that every node counts the same failures. Every account change and every failed login is audited.
 */
package io.steppe.web.account;
