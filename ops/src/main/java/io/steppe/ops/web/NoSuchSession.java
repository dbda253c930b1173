package io.steppe.ops.web;

/** A session id that names no open RADIUS session (it ended, or never was). */
final class NoSuchSession extends RuntimeException {

    NoSuchSession(String id) {
        super("no open session with id '" + id + "'", null, false, false);
    }
}
