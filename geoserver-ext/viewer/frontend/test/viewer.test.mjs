// Browser test of the plan viewer, run by org.ecoplan.server.viewer.ViewerBrowserIT:
//   BASE_URL=http://localhost:8080 [OUT_DIR=dir] [CHROMIUM=/usr/bin/chromium] node test/viewer.test.mjs
// Checks that the map draws the county, that a click on a project opens a popup with Chinese
// attribute names, that the phase filter offers only the phases the data holds, that the CGCS2000 view draws too,
// that vector-tile points lie where the WFS puts them in both projections,
// that a site drawn or uploaded under "check a site" gets the plan check's report,
// and that no request leaves the server. Prints one JSON line of measurements; exit 1 on failure.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.BASE_URL;
if (!base) { console.error('BASE_URL is required'); process.exit(2); }
const outDir = process.env.OUT_DIR || 'test-output';
mkdirSync(outDir, { recursive: true });
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const results = {};
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  const foreign = [];
  const origin = new URL(base).origin;
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(base + '/viewer/', { waitUntil: 'load' });
  await page.waitForFunction(() => window.viewerState && window.viewerState.ready, null, { timeout: 30000 });

  const settle = async () => {
    await page.evaluate(() => new Promise((resolve) => {
      const map = window.viewerState.map;
      map.once('rendercomplete', () => resolve());
      map.render();
    }));
    await page.waitForTimeout(200);
  };
  /**
   * How far the project points drawn from vector tiles lie from their WFS coordinates, in screen
   * pixels: the tiles of either matrix set must put every point where the features service does
   * (Web Mercator computed here from longitude/latitude; CGCS2000 degrees as they are).
   */
  const alignment = () => page.evaluate(async () => {
    const s = window.viewerState;
    const view = s.map.getView();
    const extent = view.calculateExtent(s.map.getSize());
    const geographic = view.getProjection().getCode() === 'EPSG:4490';
    let worst = 0;
    let n = 0;
    for (const layer of s.vectorLayers) {
      const points = layer.getFeaturesInExtent(extent).filter((f) => f.getType() === 'Point');
      if (points.length === 0) continue;
      const url = `/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&OUTPUTFORMAT=application/json&TYPENAMES=${layer.get('layerId')}`;
      const wfs = await (await fetch(url)).json();
      const at = new Map(wfs.features.map((f) => [f.properties.name_zh, f.geometry.coordinates]));
      for (const f of points) {
        const ll = at.get(f.get('name_zh'));
        if (!ll) continue;
        const xy = geographic ? ll
          : [ll[0] * 20037508.342789244 / 180, Math.log(Math.tan((90 + ll[1]) * Math.PI / 360)) * 6378137];
        const c = f.getFlatCoordinates();
        worst = Math.max(worst, Math.hypot(c[0] - xy[0], c[1] - xy[1]) / view.getResolution());
        n++;
      }
    }
    return { points: n, worstPixels: worst };
  });
  /** Screenshot of the map and its count of non-white pixels (decoded in the page). */
  const shot = async (name) => {
    const png = await page.locator('#map').screenshot();
    writeFileSync(join(outDir, name + '.png'), png);
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245) ink++;
      return { ink, total: c.width * c.height };
    }, png.toString('base64'));
  };

  await settle();
  const all = await shot('mercator-all');
  results.inkAll = all.ink;
  results.drawnAll = await page.evaluate(() => window.viewerState.drawn.size);
  check(all.ink > all.total * 0.05, `the map draws almost nothing over the county (${all.ink} of ${all.total} pixels)`);
  check(results.drawnAll > 0, 'no project feature was drawn');
  results.alignMercator = await alignment();
  check(results.alignMercator.points > 0 && results.alignMercator.worstPixels < 1,
    'Web Mercator vector tiles misplace project points: ' + JSON.stringify(results.alignMercator));

  // a click on a project opens its popup with the catalog's Chinese attribute names
  const target = await page.evaluate(() => {
    const s = window.viewerState;
    const extent = s.map.getView().calculateExtent(s.map.getSize());
    for (const layer of [...s.vectorLayers].reverse()) {
      for (const f of layer.getFeaturesInExtent(extent)) {
        const type = f.getType();
        const flat = type.includes('Polygon') ? f.getFlatInteriorPoint() : type.includes('Line') ? f.getFlatMidpoint() : f.getFlatCoordinates();
        const px = s.map.getPixelFromCoordinate([flat[0], flat[1]]);
        const size = s.map.getSize();
        if (px[0] < 20 || px[1] < 60 || px[0] > size[0] - 20 || px[1] > size[1] - 20) continue;
        // the top-most feature under that pixel must be this one, or the popup would show another
        const top = type.includes('Point') ? f
          : s.map.forEachFeatureAtPixel(px, (hit, l) => (l && l.get('layerId') ? hit : undefined), { hitTolerance: 4 });
        if (top && top.get('name_zh') === f.get('name_zh')) {
          return { layer: layer.get('layerId'), x: px[0], y: px[1], name: f.get('name_zh') };
        }
      }
    }
    return null;
  });
  check(target !== null, 'no project feature found inside the view to click');
  if (target) {
    const box = await page.locator('#map').boundingBox();
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForSelector('#popup:not([hidden])', { timeout: 10000 }).catch(() => {});
    const popup = await page.evaluate(() => {
      const p = document.getElementById('popup');
      return { hidden: p.hidden, text: p.innerText, heads: [...p.querySelectorAll('th')].map((th) => th.textContent) };
    });
    results.clicked = target;
    results.popupHeads = popup.heads;
    check(!popup.hidden, 'the popup did not open after a click on ' + JSON.stringify(target));
    check(popup.heads.includes('实施阶段（规划未明确者标“未明确”）') && popup.heads.includes('名称'), 'popup lacks Chinese attribute names: ' + popup.heads.join(','));
    check(!popup.heads.includes('phase'), 'popup shows raw attribute names');
    check(target.name && popup.text.includes(target.name), 'popup does not show the clicked feature ' + target.name);
    await shot('mercator-popup');
    await page.evaluate(() => document.getElementById('popup-close').click());
  }

  // the phase filter offers the phases the data holds, and only those: the plan puts no project in
  // 近期 or 中远期, so the choice is 全部 or 未明确, and 未明确 draws every project
  await page.evaluate(() => window.viewerState.fit());
  await settle();
  results.inkAll = (await shot('mercator-all')).ink;
  results.phases = await page.evaluate(() => [...document.querySelectorAll('input[name="phase"]')].map((i) => i.value));
  check(JSON.stringify(results.phases) === JSON.stringify(['', '未明确']), 'phase choices: ' + JSON.stringify(results.phases));
  await page.check('input[name="phase"][value="未明确"]');
  await settle();
  results.drawnNotStated = await page.evaluate(() => window.viewerState.drawn.size);
  check(results.drawnNotStated > 0 && results.drawnNotStated === results.drawnAll, '未明确 does not draw every project');
  await page.check('input[name="phase"][value=""]');

  // CGCS2000 view draws the same plan
  await page.check('input[name="projection"][value="EPSG:4490"]');
  await settle();
  const geo = await shot('cgcs2000-all');
  results.inkCgcs2000 = geo.ink;
  results.drawnCgcs2000 = await page.evaluate(() => window.viewerState.drawn.size);
  check(geo.ink > geo.total * 0.05, 'the CGCS2000 map draws almost nothing');
  check(results.drawnCgcs2000 === results.drawnAll, `CGCS2000 view draws ${results.drawnCgcs2000} projects, Web Mercator ${results.drawnAll}`);
  results.alignCgcs2000 = await alignment();
  check(results.alignCgcs2000.points > 0 && results.alignCgcs2000.worstPixels < 1,
    'CGCS2000Quad vector tiles misplace project points: ' + JSON.stringify(results.alignCgcs2000));

  // OpenLayers' WMTS capabilities parser accepts this server's capabilities, and tiles load through it
  // the tile holding (113.8° E, 40.1° N) at OpenLayers level 9: WebMercatorQuad 9/417/193; CGCS2000Quad's
  // matrices start at "1" (天地图 levels), so level index 9 is matrix 10, where tiles are 360/1024 degrees
  const expected = { WebMercatorQuad: 'TileMatrix=9&TileCol=417&TileRow=193', CGCS2000Quad: 'TileMatrix=10&TileCol=835&TileRow=141' };
  for (const set of ['WebMercatorQuad', 'CGCS2000Quad']) {
    const w = await page.evaluate(([s]) => window.viewerState.checkWmts('plan_projects', s, [113.8, 40.1], 9), [set]);
    results['wmts' + set] = w;
    check(w.ok, `OpenLayers found no ${set} matrix set for plan_projects in the WMTS capabilities (layers ${w.layers})`);
    check(String(w.url).includes(expected[set]), `OpenLayers chose ${w.url} for ${set}, expected ${expected[set]}`);
    check(w.status === 200 && String(w.type).startsWith('image/') && w.bytes > 100, `WMTS ${set} tile via OpenLayers: ${JSON.stringify(w)}`);
  }

  // check a site: draw a square by clicking its corners (then the first again), read the report
  await page.check('input[name="projection"][value="EPSG:3857"]');
  await page.evaluate(() => window.viewerState.fit());
  await settle();
  const mapBox = await page.locator('#map').boundingBox();
  const corners = await page.evaluate(() => {
    const size = window.viewerState.map.getSize();
    const cx = size[0] / 2; const cy = size[1] / 2; const d = 30;
    return [[cx - d, cy - d], [cx + d, cy - d], [cx + d, cy + d], [cx - d, cy + d], [cx - d, cy - d]];
  });
  await page.click('#check-draw');
  for (const [x, y] of corners) {
    await page.mouse.click(mapBox.x + x, mapBox.y + y);
    await page.waitForTimeout(400); // apart, so no two clicks make a double click
  }
  await page.waitForFunction(() => window.viewerState.lastReport, null, { timeout: 30000 }).catch(() => {});
  const drawn = await page.evaluate(() => {
    const r = window.viewerState.lastReport;
    const el = document.getElementById('check-report');
    return { inside: r && r.plan.inside, zones: r ? r.zones[0].features.length : -1, hectares: r && r.site.hectares,
      text: el.innerText, rows: el.querySelectorAll('h4[data-role="zones"] + table tr[data-feature]').length,
      map: !!el.querySelector('img[src^="data:image/png"]'), popup: !document.getElementById('popup').hidden };
  });
  results.checkDrawn = { inside: drawn.inside, zones: drawn.zones, hectares: drawn.hectares, rows: drawn.rows, map: drawn.map };
  check(drawn.inside === true && drawn.zones >= 1, 'the drawn site was not checked against the zones: ' + JSON.stringify(results.checkDrawn));
  check(!drawn.popup, 'the click that closed the drawn site opened a feature popup');
  check(drawn.rows === drawn.zones && drawn.text.includes('公顷') && drawn.map, 'the report does not show the zones, 公顷 and the map: ' + drawn.text.slice(0, 200));
  await shot('check-drawn');

  // an uploaded GeoJSON site near the county's centre, and a broken upload answered with the server's reason
  const bbox = await page.evaluate(() => window.viewerState.config.bbox);
  const cx = (bbox[0] + bbox[2]) / 2; const cy = (bbox[1] + bbox[3]) / 2;
  const square = { type: 'Polygon', coordinates: [[[cx - 0.01, cy - 0.01], [cx + 0.01, cy - 0.01], [cx + 0.01, cy + 0.01], [cx - 0.01, cy + 0.01], [cx - 0.01, cy - 0.01]]] };
  await page.evaluate(() => { window.viewerState.lastReport = null; });
  await page.setInputFiles('#check-file', { name: 'site.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(square)) });
  await page.waitForFunction(() => window.viewerState.lastReport, null, { timeout: 30000 }).catch(() => {});
  const uploaded = await page.evaluate(() => window.viewerState.lastReport);
  results.checkUploadedHectares = uploaded && uploaded.site.hectares;
  check(uploaded && uploaded.plan.inside && uploaded.site.hectares > 100, 'the uploaded site was not checked: ' + JSON.stringify(uploaded && uploaded.site));
  await page.setInputFiles('#check-file', { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from('[地块坐标]\n4,1,1,a,面,,,,@\nJ1,1,x,y\n') });
  await page.waitForSelector('#check-report .error', { timeout: 30000 }).catch(() => {});
  results.checkBrokenUpload = await page.evaluate(() => document.querySelector('#check-report .error')?.textContent || null);
  check(results.checkBrokenUpload && results.checkBrokenUpload.includes('jzd'), 'a broken upload shows no reason: ' + results.checkBrokenUpload);

  results.foreignRequests = foreign;
  results.pageErrors = errors;
  check(foreign.length === 0, 'requests left the server: ' + foreign.slice(0, 3).join(' '));
  check(errors.length === 0, 'page errors: ' + errors.join(' | '));
} finally {
  await browser.close();
}
console.log(JSON.stringify({ ok: failures.length === 0, failures, results }));
process.exit(failures.length === 0 ? 0 : 1);
