package io.steppe.controller.web;

import io.steppe.controller.ControllerService;

/** The one rule for acknowledging an alert, whether from the alerts page's form or the API. */
final class AlertAcknowledgements {

    static final int MAX_NOTE = 500;

    private AlertAcknowledgements() {
    }

    /** Acknowledges open alert {@code id} as {@code by}, or says why not as a {@link BadControllerRequest} or {@link UnknownAlert}. */
    static void acknowledge(ControllerService controller, long id, String note, String by) {
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new BadControllerRequest("note must be at most " + MAX_NOTE + " characters");
        }
        if (controller.alertStore().find(id).isEmpty()) {
            throw new UnknownAlert(id);
        }
        if (!controller.alertStore().acknowledge(id, by, text, controller.clock().instant())) {
            throw new BadControllerRequest("alert " + id + " is resolved; only an open alert is acknowledged");
        }
    }
}
