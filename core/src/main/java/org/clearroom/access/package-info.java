/**
 * Access rules and the one policy that decides every access.
 *
 * <p>Does: store rules (a permission on a resource for an organisation, an account or an organisation
 * kind, optionally expiring), and answer {@link org.clearroom.access.control.AccessPolicy#decide} with
 * the rule that allowed it or the reason nothing did. Deny by default; expired or revoked rules grant
 * nothing; a platform role (ADMIN, COMPLIANCE) grants no content. Any permission on a resource implies
 * VIEW of it, since acting on a room means seeing it. {@code boundary.Rules} lists, grants and revokes
 * the rules of any resource (a room today, a briefing next), each change an audited exchange; it asks
 * {@code control.Principals} (answered by identity) about the organisations and accounts a rule names.
 *
 * <p>Out of scope: who may manage a resource's rules (its owner decides: the rooms boundary checks
 * ADMIN or MODERATE), and the resources themselves.
 */
package org.clearroom.access;
