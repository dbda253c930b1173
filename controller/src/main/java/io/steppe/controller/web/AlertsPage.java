package io.steppe.controller.web;

import java.util.List;

/**
 * What {@code alerts.jte} shows: the open alerts, and one page of the history, newest first.
 *
 * @param page the history's page, from 1
 * @param more whether an older page follows
 */
public record AlertsPage(List<AlertLine> open, List<AlertLine> history, int page, boolean more) {
}
