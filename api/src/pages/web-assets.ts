import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, AppErrorCode } from '@signet/shared';

/** Where `npm run build:web` writes the browser bundles: api/dist/public (the same from src/ under Jest). */
export const PUBLIC_DIR = path.resolve(__dirname, '../../dist/public');

/** One browser entry's hashed file names, as written by api/scripts/build-web.mjs. */
export type WebEntry = { js: string; css?: string };
export type WebManifest = Record<string, WebEntry | undefined>;

let cached: WebManifest | undefined;

/**
 * The manifest of the built browser bundles, read once. A missing build is INVALID_CONFIG (logged, shown as
 * "not configured") rather than a page that loads no script.
 */
export function readWebManifest(publicDir = PUBLIC_DIR): WebManifest {
  if (cached && publicDir === PUBLIC_DIR) return cached;
  let manifest: WebManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(publicDir, 'manifest.json'), 'utf8')) as WebManifest;
  } catch {
    throw new AppError(AppErrorCode.INVALID_CONFIG, {
      message: `no browser bundles in ${publicDir}: run npm run build:web`,
    });
  }
  if (publicDir === PUBLIC_DIR) cached = manifest;
  return manifest;
}

/** The entry's files, or INVALID_CONFIG when the build does not have it. */
export function webEntry(name: string, manifest: WebManifest = readWebManifest()): WebEntry {
  const entry = manifest[name];
  if (!entry) throw new AppError(AppErrorCode.INVALID_CONFIG, { message: `no browser entry ${name} in the manifest` });
  return entry;
}
