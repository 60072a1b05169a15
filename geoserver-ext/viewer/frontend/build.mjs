// Bundles the viewer with esbuild into ../target/classes/viewer (or the directory given as the
// first argument), so the Maven jar serves it; nothing is fetched at run time.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, process.argv[2] ?? '../target/classes/viewer');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [resolve(here, 'src/main.js')],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2020'],
  outfile: resolve(outdir, 'viewer.js'),
  loader: { '.css': 'css' },
  logLevel: 'warning',
});
cpSync(resolve(here, "src/index.html"), resolve(outdir, "index.html"));
cpSync(resolve(here, "src/viewer.css"), resolve(outdir, "viewer.css"));
cpSync(resolve(here, "node_modules/ol/ol.css"), resolve(outdir, "ol.css"));
console.log(`viewer bundled into ${outdir}`);
