package io.steppe.controller.web;

import io.steppe.controller.alert.Alert;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.web.Texts;
import java.util.Map;

/**
 * One alert as the console shows it, in the reader's words: what, about whom (with a link to the AP), since when,
 * until when, and who acknowledged it with what note.
 *
 * @param href     the AP's page, or null for a gateway's or site's alert
 * @param state    the state's code, for the page's colours
 * @param resolved when it ended, or empty while open
 * @param acknowledged who saw it and when, or empty; {@code note} beside it
 */
public record AlertLine(long id, String subject, String href, String state, String stateText, String message, String opened,
                        String resolved, String acknowledged, String note) {

    /** {@code aps} names the APs it knows: an AP's alert says its name, which the operator knows it by, and its id. */
    static AlertLine of(Alert a, Texts t, Map<String, ApSnapshot> aps) {
        ConsoleWords words = new ConsoleWords(t);
        String subject = a.subject();
        ApSnapshot ap = a.scope().equals("ap") ? aps.get(subject) : null;
        if (ap != null && !ap.ap().name().equals(subject)) {
            subject = ap.ap().name() + " (" + subject + ")";
        }
        return new AlertLine(a.id(), subject, a.scope().equals("ap") ? "/console/aps/" + a.subject() : null, a.state().name(),
                t.of(a.state()), a.message(words, subject), t.when(a.openedAt()), a.resolvedAt().map(t::when).orElse(""),
                a.acknowledged().map(k -> t.get("alerts.acknowledgedBy", k.by(), t.when(k.at()))).orElse(""),
                a.acknowledged().map(Alert.Acknowledgement::note).orElse(""));
    }
}
