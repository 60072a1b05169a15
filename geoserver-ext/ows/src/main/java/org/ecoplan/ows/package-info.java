/**
 * The OGC Web Service framework shared by every service: request and response types free of any
 * HTTP server API, the {@link org.ecoplan.ows.Dispatcher}, KVP access (OWS Common 1.1 clause 11)
 * and exception reports.
 */
package org.ecoplan.ows;
