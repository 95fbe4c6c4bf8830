/**
 * The dashboard for people (issue 19): static pages served by {@code cim serve} next to the API,
 * and the two small {@code /ui/...} endpoints they need beyond the API (category suggestions and
 * loaded months). See docs/dashboard.md.
 */
package org.commonsimpact.api.dashboard;
