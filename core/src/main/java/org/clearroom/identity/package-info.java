/**
 * Organisations, accounts, password sign-in, API tokens and browser sessions.
 *
 * <p>Does: create organisations and accounts (operators only), sign in with a password into a bearer
 * token or a browser session, throttle repeated failures per username, resolve a presented secret to
 * an {@link org.clearroom.platform.control.Actor}, list and revoke a caller's own credentials, and
 * end every credential of an account that is disabled. Every one of these is an audited exchange.
 *
 * <p>Out of scope: what an account may see or do in a room (the access component decides that).
 */
package org.clearroom.identity;
