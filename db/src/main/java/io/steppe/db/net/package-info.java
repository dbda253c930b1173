/**
 * MAC addresses in the one form every {@code mac} column stores (lower-case, colon-separated, as the
 * migrations' CHECK constraints require), parsed from the many forms equipment writes. It lives beside the
 * schema because that stored form is the schema's, and every module that reads or writes those columns needs it.
 */
package io.steppe.db.net;
