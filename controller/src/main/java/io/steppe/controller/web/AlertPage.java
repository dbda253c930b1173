package io.steppe.controller.web;

/**
 * What {@code alert.jte} shows: one alert and, while it is open, the form that acknowledges it.
 *
 * @param csrf the session's anti-forgery token, which the form sends back
 */
public record AlertPage(AlertLine alert, boolean open, String csrf) {
}
