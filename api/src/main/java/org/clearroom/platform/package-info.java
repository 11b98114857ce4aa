/**
 * Wire types shared by every component: the problem answer and its field errors.
 */
package org.clearroom.platform;
