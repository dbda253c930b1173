/**
 * The portal's pages and endpoints on the portal listener: small, self-contained HTML in the visitor's
 * language (templates in {@code src/main/jte} with one layout of their own, words from message bundles), forms
 * protected against cross-site requests, and the RFC 8908 API.
 */
package io.steppe.portal.web;
