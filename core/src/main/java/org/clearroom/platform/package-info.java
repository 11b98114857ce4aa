/**
 * What every component shares: the caller ({@link org.clearroom.platform.control.Actor}), the exchange
 * being served ({@link org.clearroom.platform.control.Exchange}), the named failures that become
 * problem answers, the database migration at start, and the persistence base class.
 *
 * <p>Out of scope: anything with business rules; those live in their component.
 */
package org.clearroom.platform;
