package io.steppe.ops.web;

/** A Disconnect-Request the session's gateway did not answer in time, or answered with an error. */
final class GatewaySilent extends RuntimeException {

    GatewaySilent(String why) {
        super("the gateway did not answer: " + why, null, false, false);
    }
}
