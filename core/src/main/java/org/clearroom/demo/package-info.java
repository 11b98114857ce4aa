/**
 * The demo dataset of the quick start: a vendor, two carriers, a regulator, an operator and a
 * compliance officer with a few accounts each, a forum room and a document room with rules. Loaded
 * once, through the ordinary boundaries (so it is audited like any other change), when
 * {@code clearroom.demo.enabled} is true and the database has no organisation yet.
 *
 * <p>Out of scope: anything in production; the flag is off unless the quick start sets it.
 */
package org.clearroom.demo;
