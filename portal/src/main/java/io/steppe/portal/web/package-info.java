/**
 * The portal's pages and endpoints on the portal listener: small, self-contained HTML in the visitor's
 * language, forms protected against cross-site requests, and the RFC 8908 API.
 */
package io.steppe.portal.web;
