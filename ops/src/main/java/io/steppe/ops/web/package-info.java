/**
 * Steppe's HTTP perimeter and the endpoints every service shares: which listener serves what, which role may call
 * which route ({@link io.steppe.ops.web.AccessRules}), console login and its throttling, the headers and origin
 * checks that protect the console in a browser, health and metrics. Module controllers live in their modules;
 * this package decides who may reach them. Its own endpoints refuse by throwing a domain exception
 * ({@code WrongCredentials}, {@code MissingField}, {@code NoSuchSession}…), each answered as
 * {@code {"error": "…"}} by its own {@code ExceptionHandler}.
 */
package io.steppe.ops.web;
