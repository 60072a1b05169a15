/** The GetCapabilities operation of WFS 2.0 (OGC 09-025r2 clause 8), 1.1.0 and 1.0.0, with OWS 1.1 version negotiation and the filter capabilities (FES 2.0 clause 7.14). */
package org.ecoplan.wfs.capabilities;
