// Browser test of the OGC API – Tiles resources with OpenLayers' own OGC API sources, run by
// org.ecoplan.server.ogcapi.OgcApiTilesBrowserIT:
//   BASE_URL=http://localhost:8080/yanggao [OUT_DIR=dir] [CHROMIUM=/usr/bin/chromium] node test/ogcapi-tiles.test.mjs
// OpenLayers reads a collection's vector and map tileset metadata and its tile matrix set, then
// loads MVT and PNG tiles over the county; and the same for a layer group's dataset tilesets
// (/map/tiles and /tiles with ?collections=plan_zones). Prints one JSON line; exit 1 on failure.
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = process.env.BASE_URL;
if (!base) { console.error('BASE_URL is required'); process.exit(2); }
const outDir = process.env.OUT_DIR || 'test-output';
mkdirSync(outDir, { recursive: true });

const entry = `
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import OGCMapTile from 'ol/source/OGCMapTile.js';
import OGCVectorTile from 'ol/source/OGCVectorTile.js';
import MVT from 'ol/format/MVT.js';
import { fromLonLat } from 'ol/proj.js';
const api = window.API;
const st = { vectorLoaded: 0, vectorErrors: 0, mapLoaded: 0, mapErrors: 0, features: 0,
  groupMapLoaded: 0, groupVectorLoaded: 0, groupErrors: 0, groupLayers: [] };
const vector = new OGCVectorTile({ url: api + '/collections/restoration_zones/tiles/WebMercatorQuad', format: new MVT() });
vector.on('tileloadend', (e) => { st.vectorLoaded++; st.features += e.tile.getFeatures().length; });
vector.on('tileloaderror', () => { st.vectorErrors++; });
const map = new OGCMapTile({ url: api + '/collections/restoration_zones/map/tiles/WebMercatorQuad' });
map.on('tileloadend', () => { st.mapLoaded++; });
map.on('tileloaderror', () => { st.mapErrors++; });
const groupMap = new OGCMapTile({ url: api + '/map/tiles/WebMercatorQuad?collections=plan_zones' });
groupMap.on('tileloadend', () => { st.groupMapLoaded++; });
groupMap.on('tileloaderror', () => { st.groupErrors++; });
const groupVector = new OGCVectorTile({ url: api + '/tiles/WebMercatorQuad?collections=plan_zones', format: new MVT() });
groupVector.on('tileloadend', (e) => {
  st.groupVectorLoaded++;
  for (const f of e.tile.getFeatures()) {
    const l = f.get('layer');
    if (l && !st.groupLayers.includes(l)) st.groupLayers.push(l);
  }
});
groupVector.on('tileloaderror', () => { st.groupErrors++; });
new Map({ target: 'map', layers: [new TileLayer({ source: groupMap }), new TileLayer({ source: map }),
  new VectorTileLayer({ source: vector }), new VectorTileLayer({ source: groupVector })],
  view: new View({ center: fromLonLat([113.78, 40.18]), zoom: 10 }) });
window.st = st;
`;
const here = dirname(fileURLToPath(import.meta.url));
const bundle = await build({ stdin: { contents: entry, resolveDir: join(here, '..'), loader: 'js' }, bundle: true,
  write: false, format: 'iife', logLevel: 'silent' });
const script = bundle.outputFiles[0].text;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const failures = [];
let st = null;
try {
  const page = await browser.newPage({ viewport: { width: 700, height: 500 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const origin = new URL(base).origin;
  // the test page is served on the server's own origin by the browser itself, so no CORS is involved
  const pageUrl = origin + '/__ol-ogcapi-tiles-test.html';
  await page.route(pageUrl, (route) => route.fulfill({ contentType: 'text/html', body:
    `<!DOCTYPE html><html><head><style>#map{width:680px;height:480px}</style></head><body><div id="map"></div>
     <script>window.API = ${JSON.stringify(base + '/ogcapi')};</script><script>${script}</script></body></html>` }));
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => window.st && window.st.vectorLoaded > 0 && window.st.mapLoaded > 0
    && window.st.groupMapLoaded > 0 && window.st.groupVectorLoaded > 0, null,
    { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(500);
  st = await page.evaluate(() => window.st);
  await page.screenshot({ path: join(outDir, 'ogcapi-tiles.png') });
  if (!st) failures.push('the page did not start');
  else {
    if (st.vectorLoaded === 0) failures.push('no vector tile loaded');
    if (st.mapLoaded === 0) failures.push('no map tile loaded');
    if (st.vectorErrors + st.mapErrors > 0) failures.push('tile errors: ' + JSON.stringify(st));
    if (st.features === 0) failures.push('the vector tiles held no feature');
    if (st.groupMapLoaded === 0) failures.push("no map tile of the group's tileset loaded");
    if (st.groupVectorLoaded === 0) failures.push("no vector tile of the group's tileset loaded");
    if (st.groupErrors > 0) failures.push('group tile errors: ' + JSON.stringify(st));
    // the group's vector tiles carry its members' layers, not one
    if (!st.groupLayers.includes('restoration_zones') || !st.groupLayers.includes('county_boundary'))
      failures.push('group vector tiles lack member layers: ' + JSON.stringify(st.groupLayers));
  }
  if (errors.length) failures.push('page errors: ' + errors.join('; '));
} finally {
  await browser.close();
}
console.log(JSON.stringify({ ok: failures.length === 0, ...st, failures }));
process.exit(failures.length === 0 ? 0 : 1);
