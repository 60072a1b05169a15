// The plan viewer: the plan's layer groups (WMS images from this server), the project layers as
// Mapbox Vector Tiles (so the phase filter works in the browser), layer switcher, WMS legends,
// feature-info popups with the catalog's Chinese attribute names, Web Mercator / CGCS2000, and a
// 天地图 base map only when the server has a key configured.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import ImageLayer from 'ol/layer/Image.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import ImageWMS from 'ol/source/ImageWMS.js';
import XYZ from 'ol/source/XYZ.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import MVT from 'ol/format/MVT.js';
import TileGrid from 'ol/tilegrid/TileGrid.js';
import { createXYZ } from 'ol/tilegrid.js';
import Projection from 'ol/proj/Projection.js';
import { addProjection, addCoordinateTransforms, get as getProjection, transform, transformExtent } from 'ol/proj.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { Fill, Stroke, Style, Circle } from 'ol/style.js';
import WMTSCapabilities from 'ol/format/WMTSCapabilities.js';
import WMTS, { optionsFromCapabilities } from 'ol/source/WMTS.js';
import { addEquivalentProjections } from 'ol/proj.js';
import Draw from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';

// CGCS2000 geographic: degrees, latitude first in EPSG axis order (WMS 1.3.0 BBOX follows it).
// metersPerUnit on the CGCS2000 ellipsoid (a = 6378137 m), as WMTS scale denominators of geographic sets
// assume; OpenLayers' default for degrees uses a 6370997 m sphere and would pick the wrong tile columns.
const METERS_PER_DEGREE = (2 * Math.PI * 6378137) / 360;
const cgcs2000 = new Projection({ code: 'EPSG:4490', units: 'degrees', extent: [-180, -90, 180, 90],
  worldExtent: [-180, -90, 180, 90], global: true, axisOrientation: 'neu', metersPerUnit: METERS_PER_DEGREE });
addProjection(cgcs2000);
// the URN form WMTS capabilities use for SupportedCRS
const cgcs2000Urn = new Projection({ code: 'urn:ogc:def:crs:EPSG::4490', units: 'degrees', extent: [-180, -90, 180, 90],
  worldExtent: [-180, -90, 180, 90], global: true, axisOrientation: 'neu', metersPerUnit: METERS_PER_DEGREE });
addProjection(cgcs2000Urn);
addEquivalentProjections([cgcs2000, cgcs2000Urn]);
// CGCS2000 and WGS 84 coordinates agree to centimetres, so the Web Mercator formulas apply unchanged.
addCoordinateTransforms(cgcs2000, getProjection('EPSG:3857'), fromLonLat, toLonLat);
addCoordinateTransforms(cgcs2000, getProjection('EPSG:4326'), (c) => c.slice(), (c) => c.slice());

/**
 * A tile grid of the server's tile matrix set registry (config.json), the one every tile service
 * numbers its levels by. CGCS2000Quad is also the 天地图 'c' grid.
 */
function gridOf(setId) {
  const g = state.config.tileMatrixSets[setId];
  return new TileGrid({ origin: g.origin, resolutions: g.resolutions, minZoom: g.minZoom, tileSize: 256, extent: g.extent });
}

const PALETTE = ['#d7301f', '#1f78b4', '#33a02c', '#ff7f00', '#6a3d9a', '#b15928', '#e7298a'];

const state = {
  config: null,
  projection: 'EPSG:3857',
  phase: '',
  group: null,
  hidden: new Set(),
  drawn: new Set(),
  map: null,
  wmsLayer: null,
  vectorLayers: [],
};
window.viewerState = state;

function layerInfo(id) { return state.config.layers.find((l) => l.id === id); }

function phaseLayer(id) { const l = layerInfo(id); return l && l.attributes.some((a) => a.name === 'phase') && l.geometry; }

function groupLayers() {
  const g = state.config.groups.find((x) => x.id === state.group);
  return g ? g.layers.filter((id) => layerInfo(id)?.geometry) : [];
}

function visibleWmsLayers() { return groupLayers().filter((id) => !state.hidden.has(id) && !phaseLayer(id)); }

function visibleVectorLayers() { return groupLayers().filter((id) => !state.hidden.has(id) && phaseLayer(id)); }

function colourOf(id) {
  const i = state.config.layers.findIndex((l) => l.id === id);
  return PALETTE[i % PALETTE.length];
}

function vectorStyle(id) {
  const colour = colourOf(id);
  const polygon = new Style({ fill: new Fill({ color: colour + '99' }), stroke: new Stroke({ color: colour, width: 1.5 }) });
  const line = new Style({ stroke: new Stroke({ color: colour, width: 3 }) });
  const point = new Style({ image: new Circle({ radius: 6, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 1.5 }) }) });
  return (feature) => {
    if (state.phase && feature.get('phase') !== state.phase) return null;
    state.drawn.add(id + '.' + feature.getId());
    const t = feature.getGeometry().getType();
    return t.includes('Polygon') ? polygon : t.includes('Line') ? line : point;
  };
}

function baseLayers() {
  const key = state.config.tiandituKey;
  if (!key) return [];
  const c = state.projection === 'EPSG:4490';
  const mk = (t) => new TileLayer({
    properties: { base: true },
    source: new XYZ({
      url: `https://t{0-7}.tianditu.gov.cn/DataServer?T=${t}_${c ? 'c' : 'w'}&x={x}&y={y}&l={z}&tk=${encodeURIComponent(key)}`,
      projection: state.projection,
      tileGrid: c ? gridOf('CGCS2000Quad') : createXYZ({ maxZoom: 18 }),
      attributions: '天地图 © 国家地理信息公共服务平台',
    }),
  });
  return [mk('vec'), mk('cva')];
}

function buildLayers() {
  const map = state.map;
  map.getLayers().clear();
  baseLayers().forEach((l) => map.addLayer(l));
  state.wmsLayer = new ImageLayer({
    source: new ImageWMS({
      url: state.config.wmsUrl,
      params: { LAYERS: visibleWmsLayers().join(','), FORMAT: 'image/png', TRANSPARENT: true, VERSION: '1.3.0' },
      projection: state.projection,
      ratio: 1,
    }),
    visible: visibleWmsLayers().length > 0,
  });
  map.addLayer(state.wmsLayer);
  const set = state.projection === 'EPSG:4490' ? 'CGCS2000Quad' : 'WebMercatorQuad';
  state.vectorLayers = visibleVectorLayers().map((id) => new VectorTileLayer({
    properties: { layerId: id },
    source: new VectorTileSource({
      format: new MVT({ idProperty: undefined }),
      url: `${state.config.vectorTileUrl}/${id}/${set}/{z}/{x}/{y}.mvt`,
      projection: state.projection,
      tileGrid: gridOf(set),
    }),
    style: vectorStyle(id),
  }));
  state.vectorLayers.forEach((l) => map.addLayer(l));
  map.addLayer(siteLayer);
  renderLegend();
}

// "Check a site": the drawn or uploaded site goes to the plan check (OGC API – Processes) of the
// workspace; the report lists what of the plan it overlaps, with 公顷 / 亩 and the share of the site
const siteSource = new VectorSource();
const siteLayer = new VectorLayer({ source: siteSource, zIndex: 100,
  style: new Style({ fill: new Fill({ color: 'rgba(220,0,0,0.2)' }), stroke: new Stroke({ color: '#dc0000', width: 2.5 }) }) });
const ROLES = [['zones', '修复分区'], ['keyAreas', '重点区域'], ['projects', '项目'], ['problems', '生态问题'], ['pattern', '格局要素']];

function number(v, places) { return v === undefined || v === null ? '' : Number(v).toFixed(places); }

function featureName(f) {
  const p = f.properties || {};
  return p.name_zh || Object.values(p).find((v) => typeof v === 'string') || f.id;
}

function reportHtml(report, mapPng) {
  const site = report.site || {};
  const plan = report.plan || {};
  let html = '<h3>核查结果 Report</h3><p>';
  if (site.hectares !== undefined) html += `地块面积 ${number(site.hectares, 4)} 公顷（${number(site.mu, 2)} 亩）；`;
  html += plan.inside ? `位于${escapeHtml(String(plan.title || ''))}内` : `不在${escapeHtml(String(plan.title || ''))}内`;
  if (plan.shareOfSite !== undefined && plan.inside) html += `（${number(plan.shareOfSite * 100, 2)}%）`;
  html += `。面积按 ${escapeHtml(String(site.areaCrs || ''))} 计算。</p>`;
  for (const [key, title] of ROLES) {
    const rows = [];
    for (const section of report[key] || []) {
      for (const f of section.features || []) rows.push({ section, f });
    }
    if (!rows.length) continue;
    html += `<h4 data-role="${key}">${title}（${rows.length}）</h4><table><tr><th>名称</th><th>公顷</th><th>亩</th><th>占地块</th></tr>`;
    for (const { f } of rows) {
      const o = f.overlap || {};
      const share = o.shareOfSite !== undefined ? number(o.shareOfSite * 100, 2) + '%' : o.containsSite ? '含该点' : o.lengthM !== undefined ? number(o.lengthM, 0) + ' m' : '';
      const text = f.properties && (f.properties.plan_text || f.properties.measures);
      html += `<tr data-feature="${escapeHtml(String(f.id))}"><td>${escapeHtml(String(featureName(f)))}`
        + (text ? `<details><summary>规划原文</summary>${escapeHtml(String(text))}</details>` : '')
        + `</td><td class="n">${number(o.hectares, 4)}</td><td class="n">${number(o.mu, 2)}</td><td class="n">${share}</td></tr>`;
    }
    html += '</table>';
  }
  for (const c of report.caveats || []) html += `<p class="caveat">${escapeHtml(c)}</p>`;
  for (const n of report.notes || []) html += `<p class="caveat">${escapeHtml(n)}</p>`;
  if (mapPng) html += `<img alt="核查地图 map of the site" src="data:image/png;base64,${mapPng}">`;
  return html;
}

/** Sends a site to the plan check and shows its report and map. */
async function checkSite(site) {
  const out = document.getElementById('check-report');
  out.innerHTML = '<p>核查中… / checking…</p>';
  const res = await fetch(state.config.planCheckUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: { site }, response: 'document' }) });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    out.innerHTML = `<p class="error">${escapeHtml(String(body.detail || res.statusText))}</p>`;
    return { ok: false, status: res.status, detail: body.detail };
  }
  const report = body.report.value;
  out.innerHTML = reportHtml(report, body.map && body.map.value);
  state.lastReport = report;
  return { ok: true, report };
}

function startDrawing() {
  if (state.draw) state.map.removeInteraction(state.draw);
  siteSource.clear();
  state.draw = new Draw({ source: siteSource, type: 'Polygon' });
  state.draw.on('drawend', (e) => {
    state.map.removeInteraction(state.draw);
    state.draw = null;
    // OpenLayers reports the click that ended the drawing as a singleclick only later (after the
    // double-click interval): it must not open a feature popup
    state.drawEnded = Date.now();
    const geometry = new GeoJSON().writeGeometryObject(e.feature.getGeometry(),
      { featureProjection: state.projection, dataProjection: 'EPSG:4326' });
    state.checking = checkSite(geometry);
  });
  state.map.addInteraction(state.draw);
}

function base64Of(buffer) {
  const bytes = new Uint8Array(buffer);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** An uploaded site as the process takes it: by its file name's extension. */
async function uploadedSite(file) {
  const name = file.name.toLowerCase();
  const buffer = await file.arrayBuffer();
  if (name.endsWith('.zip')) return { value: base64Of(buffer), mediaType: 'application/zip', encoding: 'base64' };
  if (name.endsWith('.kml')) return { value: base64Of(buffer), mediaType: 'application/vnd.google-earth.kml+xml', encoding: 'base64' };
  // 界址点坐标 files are often GBK: the server finds the encoding, so the bytes go as they are
  if (name.endsWith('.txt')) return { value: base64Of(buffer), mediaType: 'text/x-jzd', encoding: 'base64' };
  return JSON.parse(new TextDecoder().decode(buffer));
}

function setView() {
  const extent = transformExtent(state.config.bbox, 'EPSG:4326', state.projection);
  const view = new View({ projection: state.projection });
  state.map.setView(view);
  view.fit(extent, { padding: [20, 20, 20, 20] });
}

function renderSwitcher() {
  const root = document.getElementById('layer-switcher');
  root.innerHTML = '';
  for (const g of state.config.groups) {
    const wrap = document.createElement('div');
    const label = document.createElement('label');
    label.innerHTML = `<input type="radio" name="group" value="${g.id}" ${g.id === state.group ? 'checked' : ''}> ${g.title}`;
    label.querySelector('input').addEventListener('change', () => { state.group = g.id; state.hidden.clear(); renderSwitcher(); refresh(); });
    wrap.appendChild(label);
    if (g.id === state.group) {
      const list = document.createElement('div');
      list.className = 'layers';
      for (const id of g.layers) {
        const info = layerInfo(id);
        if (!info || !info.geometry) continue;
        const l = document.createElement('label');
        l.innerHTML = `<input type="checkbox" data-layer="${id}" ${state.hidden.has(id) ? '' : 'checked'}> ${info.title}`;
        l.querySelector('input').addEventListener('change', (e) => {
          if (e.target.checked) state.hidden.delete(id); else state.hidden.add(id);
          refresh();
        });
        list.appendChild(l);
      }
      wrap.appendChild(list);
    }
    root.appendChild(wrap);
  }
}

function renderLegend() {
  const root = document.getElementById('legend');
  root.innerHTML = '';
  for (const id of groupLayers().filter((x) => !state.hidden.has(x))) {
    const info = layerInfo(id);
    const entry = document.createElement('div');
    entry.className = 'entry';
    if (phaseLayer(id)) {
      entry.innerHTML = `<span class="swatch" style="background:${colourOf(id)}"></span>${info.title}`;
    } else {
      const src = `${state.config.wmsUrl}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=${encodeURIComponent(id)}`;
      entry.innerHTML = `<div>${info.title}</div><img alt="${info.title}" src="${src}">`;
    }
    root.appendChild(entry);
  }
}

function refresh() {
  state.drawn.clear();
  buildLayers();
}

function formatValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Math.round(v * 1000) / 1000);
  return String(v);
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A popup table whose row heads are the catalog's Chinese aliases, in schema order. */
function popupHtml(layerId, props) {
  const info = layerInfo(layerId);
  let html = `<h3>${escapeHtml(info ? info.title : layerId)}</h3><table>`;
  const names = info ? info.attributes : Object.keys(props).map((n) => ({ name: n, alias: n }));
  for (const a of names) {
    if (!(a.name in props)) continue;
    html += `<tr data-attribute="${a.name}"><th>${escapeHtml(a.alias)}</th><td>${escapeHtml(formatValue(props[a.name]))}</td></tr>`;
  }
  return html + '</table>';
}

/**
 * The project point drawn nearest to a pixel (within its symbol radius). Points are searched
 * first and by distance because they sit on top of the areas and the renderer's hit test of
 * vector-tile symbols misses them.
 */
function pointAtPixel(pixel) {
  const extent = state.map.getView().calculateExtent(state.map.getSize());
  let best = null;
  for (const layer of state.vectorLayers) {
    for (const f of layer.getFeaturesInExtent(extent)) {
      if (!f.getType().includes('Point')) continue;
      if (state.phase && f.get('phase') !== state.phase) continue;
      const flat = f.getFlatCoordinates();
      for (let i = 0; i < flat.length; i += 2) {
        const p = state.map.getPixelFromCoordinate([flat[i], flat[i + 1]]);
        const d = Math.hypot(p[0] - pixel[0], p[1] - pixel[1]);
        if (d <= 9 && (!best || d < best.d)) best = { f, layer, d };
      }
    }
  }
  return best;
}

/** Shown before it is positioned, so the overlay measures its real size when panning it into view. */
function showPopup(overlay, coordinate) {
  document.getElementById('popup').hidden = false;
  overlay.setPosition(coordinate);
}

/**
 * A GetFeatureInfo URL for a 101 × 101 pixel window centred on the click, always asked in Web
 * Mercator whatever the view shows (the window's corners are transformed), top-most layer first.
 */
function featureInfoUrl(pixel, layers) {
  const a = transform(state.map.getCoordinateFromPixel([pixel[0] - 50, pixel[1] + 50]), state.projection, 'EPSG:3857');
  const b = transform(state.map.getCoordinateFromPixel([pixel[0] + 50, pixel[1] - 50]), state.projection, 'EPSG:3857');
  const q = new URLSearchParams({ SERVICE: 'WMS', VERSION: '1.3.0', REQUEST: 'GetFeatureInfo', LAYERS: layers.join(','),
    QUERY_LAYERS: [...layers].reverse().join(','), STYLES: '', CRS: 'EPSG:3857', BBOX: [a[0], a[1], b[0], b[1]].join(','),
    WIDTH: '101', HEIGHT: '101', I: '50', J: '50', INFO_FORMAT: 'application/json', FEATURE_COUNT: '1', FORMAT: 'image/png' });
  return `${state.config.wmsUrl}?${q}`;
}

async function onClick(evt, overlay) {
  if (state.draw || Date.now() - (state.drawEnded || 0) < 1000) return;
  const content = document.getElementById('popup-content');
  const hit = pointAtPixel(evt.pixel)
    || state.map.forEachFeatureAtPixel(evt.pixel, (f, layer) => (layer && layer.get('layerId') ? { f, layer } : undefined),
      { hitTolerance: 4 });
  if (hit) {
    content.innerHTML = popupHtml(hit.layer.get('layerId'), hit.f.getProperties());
    showPopup(overlay, evt.coordinate);
    return;
  }
  const queryable = visibleWmsLayers().filter((id) => layerInfo(id).queryable);
  if (!queryable.length) return;
  const res = await fetch(featureInfoUrl(evt.pixel, queryable));
  if (!res.ok) return;
  const json = await res.json();
  const f = json.features && json.features[0];
  if (!f) { document.getElementById('popup').hidden = true; return; }
  const layerId = String(f.id ?? '').replace(/\.[^.]*$/, '');
  content.innerHTML = popupHtml(layerId, f.properties || {});
  showPopup(overlay, evt.coordinate);
}

/**
 * Reads this server's WMTS capabilities with OpenLayers' own parser and fetches one tile of a layer
 * at a lon/lat through the resulting source: proof that OpenLayers accepts the capabilities.
 */
async function checkWmts(layer, matrixSet, lonLat, z) {
  const res = await fetch(`${state.config.wmtsUrl}?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0`);
  const caps = new WMTSCapabilities().read(await res.text());
  const layers = caps.Contents.Layer.map((l) => l.Identifier);
  const options = optionsFromCapabilities(caps, { layer, matrixSet });
  if (!options) return { ok: false, layers };
  const source = new WMTS(options);
  const projection = source.getProjection();
  const coordinate = projection.getUnits() === 'degrees' ? lonLat : fromLonLat(lonLat);
  const tileCoord = source.getTileGrid().getTileCoordForCoordAndZ(coordinate, z);
  const url = source.getTileUrlFunction()(tileCoord, 1, projection);
  const tile = await fetch(url);
  const bytes = (await tile.arrayBuffer()).byteLength;
  return { ok: true, layers, projection: projection.getCode(), url, status: tile.status, type: tile.headers.get('content-type'), bytes };
}

async function start() {
  state.checkWmts = checkWmts;
  const res = await fetch('config.json');
  state.config = await res.json();
  // the plan's name comes from the workspace's configuration, like every other text of the service
  document.getElementById('title').textContent = state.config.title;
  document.title = `${state.config.title} · 规划图浏览`;
  state.group = state.config.defaultGroup || (state.config.groups[0] && state.config.groups[0].id);
  document.getElementById('attribution').textContent = state.config.attribution || '';
  const popup = document.getElementById('popup');
  const overlay = new Overlay({ element: popup, stopEvent: true, positioning: 'bottom-center', offset: [0, -12],
    autoPan: { margin: 20, animation: { duration: 0 } } });
  state.map = new Map({ target: 'map', layers: [], overlays: [overlay] });
  document.getElementById('popup-close').addEventListener('click', () => { popup.hidden = true; });
  state.map.on('singleclick', (evt) => onClick(evt, overlay));
  // the phases the data holds, and only those: the plan puts no project in 近期 or 中远期, so its
  // projects are all 未明确; the periods are labelled with the years the plan gives them
  const PERIODS = { 近期: '近期 2021–2025', 中远期: '中远期 2026–2035', 未明确: '未明确（规划未给出）' };
  for (const value of state.config.phases || []) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'phase';
    input.value = value;
    label.append(input, ' ' + (PERIODS[value] || value));
    document.getElementById('phases').appendChild(label);
  }
  for (const input of document.querySelectorAll('input[name="phase"]')) {
    input.addEventListener('change', () => { state.phase = input.value; state.drawn.clear(); state.vectorLayers.forEach((l) => l.changed()); });
  }
  for (const input of document.querySelectorAll('input[name="projection"]')) {
    input.addEventListener('change', () => { state.projection = input.value; popup.hidden = true; setView(); refresh(); });
  }
  if (state.config.planCheckUrl) {
    document.getElementById('check').hidden = false;
    document.getElementById('check-draw').addEventListener('click', startDrawing);
    document.getElementById('check-file').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (!file) return;
      siteSource.clear();
      try {
        state.checking = checkSite(await uploadedSite(file));
      } catch (x) {
        document.getElementById('check-report').innerHTML = `<p class="error">${escapeHtml(String(x.message))}</p>`;
      }
    });
  }
  state.checkSite = checkSite;
  renderSwitcher();
  setView();
  buildLayers();
  state.fit = setView;
  state.ready = true;
}

start().catch((e) => {
  document.getElementById('map').textContent = '无法加载地图配置 / cannot load the viewer configuration: ' + e.message;
});
