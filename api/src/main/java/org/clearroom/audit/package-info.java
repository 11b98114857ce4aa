/** Wire types of the audit ledger. */
package org.clearroom.audit;
