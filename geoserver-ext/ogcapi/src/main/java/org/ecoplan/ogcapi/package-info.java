/**
 * OGC API – Features: Part 1 Core (OGC 17-069r4) and Part 2 CRS by reference (OGC 18-058r1), in
 * JSON / GeoJSON and bilingual HTML, per workspace at {@code /{workspace}/ogcapi} and for every
 * workspace at {@code /ogcapi}. Feature queries go through the one filter model and the stores
 * the WFS uses; answers stream from the store cursors.
 */
package org.ecoplan.ogcapi;
