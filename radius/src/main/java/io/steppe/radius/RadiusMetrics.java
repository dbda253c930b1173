package io.steppe.radius;

import io.steppe.radius.coa.CoaResult;
import io.steppe.radius.coa.SessionTerminator;
import io.steppe.radius.packet.AccountingWarning;
import io.steppe.radius.packet.DropReason;

/**
 * What the RADIUS server counts. The launcher supplies a Prometheus implementation; the module itself never
 * imports a metrics library, and {@link #NONE} serves tests that do not look.
 */
public interface RadiusMetrics {

    /** The kinds of request measured apart. */
    enum Kind { AUTH, ACCT, STATUS }

    RadiusMetrics NONE = new RadiusMetrics() {
    };

    /** A request from {@code nas} passed the checks and is being handled. */
    default void received(Kind kind, String nas) {
    }

    /** An Access-Accept was sent to {@code nas}. */
    default void accepted(String nas) {
    }

    /** An Access-Reject was sent to {@code nas}. */
    default void rejected(String nas) {
    }

    /** A datagram was dropped; {@code nas} is {@code "unknown"} when the source is not a gateway. */
    default void dropped(DropReason reason, String nas) {
    }

    /** An Access-Request decided from memory on the event loop, or through the database by a worker. */
    default void decided(boolean fromMemory) {
    }

    /** A retransmission was answered from the cache. */
    default void duplicateAnswered(String nas) {
    }

    /** Time from receiving a request to sending its reply. */
    default void latency(Kind kind, double seconds) {
    }

    /** A value of an Accounting-Request from {@code nas} was not stored as sent; the record was. */
    default void accountingWarning(AccountingWarning warning, String nas) {
    }

    /** Accounting records committed together in one transaction. */
    default void accountingBatch(int size) {
    }

    /** A gateway answered (or did not answer) a request to end a session, sent for {@code reason}. */
    default void disconnected(SessionTerminator.Reason reason, CoaResult.Outcome outcome) {
    }

    /** Requests being worked on or waiting for the database; read when scraped. */
    default void inFlight(java.util.function.IntSupplier inFlight, java.util.function.IntSupplier queued) {
    }
}
