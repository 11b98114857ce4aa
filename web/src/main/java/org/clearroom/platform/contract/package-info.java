/**
 * The published contract: {@link org.clearroom.platform.contract.ContractDocument} writes the OpenAPI
 * 3.0.3 document of the REST API at build time, from the compiled resources and the {@code api} records,
 * and the WAR serves it at {@code /openapi} as its static document (Payara's own generator cannot read
 * records and answers every operation with {@code default}). Build tooling only: kept out of the WAR.
 */
package org.clearroom.platform.contract;
