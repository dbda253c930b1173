package io.steppe.controller.alert;

/** Where alerts go when they open and resolve. */
@FunctionalInterface
public interface AlertNotifier {

    /** What happened to an alert: opened, changed state (an AP that went from DEGRADED to DOWN), resolved. */
    enum Event { OPENED, CHANGED, RESOLVED }

    /** Must not block: delivery that takes time is queued. */
    void notify(Event event, Alert alert);
}
