/**
 * The quick start: prepares a database (an embedded PostgreSQL kept under {@code .clearroom/}, or the
 * one the libpq variables or {@code CLEARROOM_DB_URL} name), then runs Payara Micro with the WAR, waits
 * until {@code /health/ready} is UP and prints the URL and the demo sign-ins.
 *
 * <p>Not part of the WAR (the build excludes this package): it runs beside the server, never in it.
 * The integration tests use {@link org.clearroom.launcher.Database} to get a fresh database.
 */
package org.clearroom.launcher;
