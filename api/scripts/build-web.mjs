// Bundles every browser entry of the API (the signing page, the sender UI) with esbuild into api/dist/public,
// with content hashes in the names so /assets/ can cache them forever, and writes manifest.json so the HTML
// shells can name the hashed files. Run after `tsc -b` (npm run build:web); a build error fails the script.
import { build } from 'esbuild';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(apiDir, '..');
const publicDir = path.join(apiDir, 'dist', 'public');
// Built beside the served folder and swapped in at the end, so an API serving /assets/ meanwhile (a test, a
// running `npm start`) never sees a half-written or empty folder.
const outdir = `${publicDir}.build-${process.pid}`;

/** One line per browser entry: the manifest key (also the file-name prefix) → its source. */
const ENTRIES = {
  sign: 'web/sign/main.ts',
  app: 'web/app/main.ts',
  // pdf.js parses documents in a Web Worker; it is its own asset, named to the page via the manifest.
  'pdf.worker': '../node_modules/pdfjs-dist/build/pdf.worker.min.mjs',
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

// Each entry is bundled on its own, so its modules run in their import order within one file (the signing
// page configures zod before any schema is built; a chunk shared with another entry would run first). Only
// dynamic imports (teams-js) become chunks.
const outputs = {};
for (const [name, file] of Object.entries(ENTRIES)) {
  const result = await build({
    absWorkingDir: apiDir,
    entryPoints: { [name]: path.join(apiDir, file) },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    platform: 'browser',
    minify: true,
    sourcemap: 'linked',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'linked',
    // The browser takes @signet/shared's root entry from source (ES modules) so unused parts are shaken out.
    alias: { '@signet/shared': path.join(rootDir, 'shared/src/index.ts') },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  Object.assign(outputs, result.metafile.outputs);
}

const manifest = {};
for (const [file, output] of Object.entries(outputs)) {
  if (!output.entryPoint || file.endsWith('.map')) continue;
  const name = Object.keys(ENTRIES).find(
    (key) => path.join(apiDir, ENTRIES[key]) === path.resolve(apiDir, output.entryPoint),
  );
  if (!name) continue;
  manifest[name] = {
    js: path.basename(file),
    ...(output.cssBundle ? { css: path.basename(output.cssBundle) } : {}),
  };
}
// Lazy chunks (dynamic imports) by the package they hold (`chunks['@microsoft/teams-js']`), so tests can tell
// which were loaded.
const chunks = {};
for (const [file, output] of Object.entries(outputs)) {
  if (!file.endsWith('.js') || Object.values(manifest).some((entry) => entry.js === path.basename(file))) continue;
  const packageName = [output.entryPoint ?? '', ...Object.keys(output.inputs)]
    .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1])
    .find(Boolean);
  if (packageName) chunks[packageName] = path.basename(file);
}
manifest.chunks = chunks;
await writeFile(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const previous = `${publicDir}.old-${process.pid}`;
await rename(publicDir, previous).catch((error) => {
  if (error.code !== 'ENOENT') throw error;
});
await rename(outdir, publicDir);
await rm(previous, { recursive: true, force: true });
console.log(`build-web: ${Object.keys(ENTRIES).join(', ')} → ${path.relative(rootDir, publicDir)}`);
