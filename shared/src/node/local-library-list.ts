import type { Dirent, Stats } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from './document-library';
import { pathExists } from './local-library-fs';
import { isHiddenName, SIDECAR_SUFFIX, signedCopyPathOf } from './local-library-path';
import { readStatusFile } from './local-library-status';

// Deep enough for any real folder tree; stops a pathological one (or a bind-mount loop) from running forever.
const MAX_DEPTH = 32;

async function statOf(realRoot: string, absolute: string, entry: Dirent): Promise<Stats | undefined> {
  if (entry.isFile()) return fs.stat(absolute);
  if (!entry.isSymbolicLink()) return undefined;
  // A symlinked file is listed only when it stays inside the library; symlinked folders are never walked.
  const real = await fs.realpath(absolute).catch(() => undefined);
  if (!real || !real.startsWith(realRoot + path.sep)) return undefined;
  const stats = await fs.stat(real);
  return stats.isFile() ? stats : undefined;
}

async function entryOf(realRoot: string, relative: string, stats: Stats): Promise<LibraryEntry> {
  const absolute = path.join(realRoot, ...relative.split('/'));
  const status = await readStatusFile(absolute + SIDECAR_SUFFIX);
  const signed = signedCopyPathOf(relative);
  // Signed copies are not documents of their own: they show up as the status of their original.
  if (status && !status.signedCopyPath && (await pathExists(path.join(realRoot, ...signed.split('/'))))) {
    status.signedCopyPath = signed;
  }
  return {
    path: relative,
    name: path.posix.basename(relative),
    size: stats.size,
    modifiedAt: stats.mtime.toISOString(),
    ...(status ? { status } : {}),
  };
}

async function walk(realRoot: string, folder: string, depth: number, out: LibraryEntry[]): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const absoluteFolder = folder ? path.join(realRoot, ...folder.split('/')) : realRoot;
  const entries = await fs.readdir(absoluteFolder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isHiddenName(entry.name)) continue;
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      await walk(realRoot, relative, depth + 1, out);
      continue;
    }
    const stats = await statOf(realRoot, path.join(absoluteFolder, entry.name), entry);
    if (stats) out.push(await entryOf(realRoot, relative, stats));
  }
}

/**
 * Every visible document under `realRoot`, depth first in name order. Skips `.signet/` and other dot
 * files (temp files), sidecars and signed copies.
 */
export async function listDocuments(realRoot: string): Promise<LibraryEntry[]> {
  const out: LibraryEntry[] = [];
  await walk(realRoot, '', 0, out);
  return out;
}
