/**
 * Serves the request-lifetime dashboard of the admin listener: its page and assets, the
 * browser sign-in with the admin token, and the per-account totals.
 */
package io.bindery.server.http.dashboard;
