/** Wire types of access rules: permissions, principals, rules and explanations. */
package org.clearroom.access;
