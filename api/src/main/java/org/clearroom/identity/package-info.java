/** Wire types of the identity component: organisations, accounts, tokens, sessions. */
package org.clearroom.identity;
