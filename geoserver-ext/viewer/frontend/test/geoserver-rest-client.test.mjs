// geoserver-node-client (the npm package written for GeoServer's REST API) driving this server's
// /rest, run by org.ecoplan.server.rest.RestApiIT:
//   REST_URL=http://host:port/rest BASE_URL=http://host:port/yanggao USER=admin PASSWORD=... node test/geoserver-rest-client.test.mjs
// Creates a workspace, publishes a style, makes it a layer's default, builds a layer group, reloads,
// checks that the group draws in WMS and the layer answers in WFS, creates a GeoPackage datastore and
// publishes a table of it as a feature type (then answering in WFS), then deletes what it made.
// Prints one JSON line of results; exit 1 on failure.
import { GeoServerRestClient } from 'geoserver-node-client';

const { REST_URL, BASE_URL, USER, PASSWORD } = process.env;
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };
const results = {};
const grc = new GeoServerRestClient(REST_URL, USER, PASSWORD);
const sld = `<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" version="1.0.0">
  <NamedLayer><Name>restoration_zones</Name><UserStyle><Name>nc_zones</Name><FeatureTypeStyle><Rule>
    <PolygonSymbolizer><Fill><CssParameter name="fill">#00AA00</CssParameter></Fill></PolygonSymbolizer>
  </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
</StyledLayerDescriptor>`;
try {
  results.exists = await grc.about.exists();
  check(results.exists === true, 'about.exists() is not true');
  results.created = await grc.workspaces.create('nodeclient');
  check(results.created === 'nodeclient', 'workspaces.create returned ' + results.created);
  const all = await grc.workspaces.getAll();
  results.workspaces = all.workspaces.workspace.map((w) => w.name);
  check(results.workspaces.includes('nodeclient') && results.workspaces.includes('yanggao'), 'workspaces: ' + results.workspaces);
  await grc.styles.publish('yanggao', 'nc_zones', sld);
  const inWs = await grc.styles.getInWorkspace('yanggao');
  results.styles = inWs.styles.style.map((s) => s.name);
  check(results.styles.includes('nc_zones'), 'styles: ' + results.styles);
  await grc.styles.assignStyleToLayer('yanggao', 'restoration_zones', 'yanggao', 'nc_zones', true);
  const layer = await grc.layers.get('yanggao', 'restoration_zones');
  results.defaultStyle = layer && layer.layer.defaultStyle.name;
  check(results.defaultStyle === 'yanggao:nc_zones', 'default style: ' + results.defaultStyle);
  await grc.layergroups.create('yanggao', 'nc_group', ['restoration_zones', 'rivers'], { layerGroupTitle: 'NC group' });
  const group = await grc.layergroups.get('yanggao', 'nc_group');
  results.group = group && group.layerGroup.publishables.published.map((p) => p.name);
  check(JSON.stringify(results.group) === JSON.stringify(['yanggao:restoration_zones', 'yanggao:rivers']), 'group: ' + results.group);
  await grc.resetReload.reload();
  const map = await fetch(`${BASE_URL}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=nc_group&STYLES=&CRS=CRS:84`
    + '&BBOX=113.5,39.9,114.3,40.6&WIDTH=64&HEIGHT=64&FORMAT=image/png');
  results.map = { status: map.status, type: map.headers.get('content-type') };
  check(map.status === 200 && results.map.type === 'image/png', 'the new group does not draw: ' + JSON.stringify(results.map));
  const wfs = await fetch(`${BASE_URL}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=restoration_zones&COUNT=1`
    + '&OUTPUTFORMAT=application/json');
  results.wfs = wfs.status;
  check(wfs.status === 200 && (await wfs.json()).features.length === 1, 'WFS does not answer');
  // a GeoPackage datastore (its file put in the data directory by the test) and a table of it published
  await grc.datastores.createGpkgStore('yanggao', 'ncgpkg', 'data/ncdemo.gpkg');
  const stores = await grc.datastores.getDataStores('yanggao');
  results.stores = stores.dataStores.dataStore.map((d) => d.name);
  check(results.stores.includes('ncgpkg'), 'datastores: ' + results.stores);
  await grc.layers.publishFeatureType('yanggao', 'ncgpkg', 'nc_parcels', 'nc_parcels', 'NC parcels', 'EPSG:4490', true,
    'published by geoserver-node-client');
  const parcels = await fetch(`${BASE_URL}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=nc_parcels`
    + '&OUTPUTFORMAT=application/json');
  results.parcels = parcels.status === 200 ? (await parcels.json()).features.map((f) => f.properties.name) : parcels.status;
  check(JSON.stringify(results.parcels) === JSON.stringify(['a', 'b']), 'published feature type: ' + results.parcels);
  const drawn = await fetch(`${BASE_URL}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=nc_parcels&STYLES=`
    + '&CRS=CRS:84&BBOX=113.85,40.25,114.0,40.35&WIDTH=60&HEIGHT=40&FORMAT=image/png');
  results.parcelsMap = drawn.headers.get('content-type');
  check(drawn.status === 200 && results.parcelsMap === 'image/png', 'the published feature type does not draw: '
    + results.parcelsMap);
  await grc.datastores.deleteDataStore('yanggao', 'ncgpkg', true);
  const gone = await fetch(`${BASE_URL}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=nc_parcels`);
  results.goneStatus = gone.status;
  check((await gone.text()).includes('nc_parcels') && gone.status >= 400, 'the feature type outlived its store');
  // a user, given a role
  await grc.security.createUser('nc_user', 'nc-password-1');
  await grc.security.associateUserRole('nc_user', 'PLANNER');
  const users = await grc.security.getAllUsers();
  results.users = users.users.map((u) => u.userName);
  check(results.users.includes('nc_user'), 'users: ' + results.users);
  let refused = false;
  try { await grc.styles.delete('yanggao', 'nc_zones'); } catch (e) { refused = true; }
  check(refused, 'a style in use was deleted');
  await grc.workspaces.delete('nodeclient', true);
  const after = await grc.workspaces.get('nodeclient');
  check(!after, 'workspace still there after delete');
} catch (e) {
  failures.push('client error: ' + e.message + ' ' + (e.geoServerOutput || ''));
}
console.log(JSON.stringify({ ok: failures.length === 0, failures, results }));
process.exit(failures.length === 0 ? 0 : 1);
