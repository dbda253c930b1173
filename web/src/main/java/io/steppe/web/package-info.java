/**
 * What every HTTP feature shares. The two listeners are kept apart ({@link io.steppe.web.PerimeterFilter}); on the
 * API listener a console login is required ({@link io.steppe.web.ConsoleAuthFilter}) unless the route says
 * {@link io.steppe.web.WithoutLogin}, and each route names the roles that may call it with
 * {@link io.steppe.web.Allowed} (deny by default). Routes read who is calling from
 * {@link io.steppe.web.ConsoleRequest}. Here too: the headers and origin checks that protect the console in a
 * browser; the console's one layout and stylesheet ({@link io.steppe.web.ConsoleLayout}), which every module's console
 * pages are framed in, and its front page and login; the modules' precompiled templates
 * ({@link io.steppe.web.Templates}) and HTML escaping; and the errors these raise, each answered as
 * {@code {"error": "…"}} by its own {@code ExceptionHandler}.
 */
package io.steppe.web;
