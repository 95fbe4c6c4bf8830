/**
 * The read-only analytics HTTP API over the Cassandra serving tables (SPEC §7, issue 10): fourteen
 * endpoints under {@code /metrics/commons-analytics/}, one prepared query per request.
 */
package org.commonsimpact.api;
