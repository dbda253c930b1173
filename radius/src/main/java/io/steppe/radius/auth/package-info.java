/**
 * Who may get online and for how long: one-time portal credentials, vouchers, remembered devices, daily
 * allowances and the reply attributes that carry them to the gateway. Policy only; no sockets here.
 */
package io.steppe.radius.auth;
