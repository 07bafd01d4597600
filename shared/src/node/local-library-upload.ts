import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError, AppErrorCode } from '../errors/app-error';
import { hasErrno, writeTempFile } from './local-library-fs';
import { SIDECAR_SUFFIX, SIGNED_SUFFIX } from './local-library-path';

const MAX_NAME_LENGTH = 120;
const MAX_ATTEMPTS = 1000;
const FALLBACK_NAME = 'document.pdf';

/**
 * Turns a client-supplied file name into a safe single segment: no directories, control characters or
 * characters Windows forbids, no leading dots (hidden files, `..`), bounded length with the extension kept.
 * Names that would be hidden as sidecars or signed copies get a dash instead of the dot, so an upload is
 * always visible in the library.
 */
export function sanitiseUploadName(fileName: string): string {
  const base = String(fileName).split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- a sanitiser: control characters are exactly what it must match
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  for (const suffix of [SIGNED_SUFFIX, SIDECAR_SUFFIX]) {
    if (name.toLowerCase().endsWith(suffix))
      name = `${name.slice(0, -suffix.length)}-${name.slice(-suffix.length + 1)}`;
  }
  if (name.length > MAX_NAME_LENGTH) {
    const ext = path.extname(name).slice(0, 16);
    name = name.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
  }
  return name || FALLBACK_NAME;
}

/** `nda.pdf`, `nda-1.pdf`, `nda-2.pdf`, … */
export function candidateName(name: string, attempt: number): string {
  if (attempt === 0) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}-${attempt}${ext}`;
}

/** `uploads/2025-03-14`, by the UTC date of `now`. */
export function uploadFolderOf(now: Date): string {
  return `uploads/${now.toISOString().slice(0, 10)}`;
}

// Moves the complete temp file to `target` only if nothing is there: link() fails with EEXIST instead of
// replacing, so two uploads of the same name can never overwrite each other, even across processes.
async function linkWithoutOverwrite(temp: string, target: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (error) {
    // Some file systems (FUSE, SMB mounts) cannot hard-link; an exclusive copy still never overwrites.
    if (!hasErrno(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV')) throw error;
    await fs.copyFile(temp, target, constants.COPYFILE_EXCL);
  }
}

/** Writes `bytes` into `folder` under the first free candidate name; returns the name used. */
export async function saveWithoutOverwrite(folder: string, name: string, bytes: Uint8Array): Promise<string> {
  const temp = await writeTempFile(path.join(folder, name), bytes);
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const candidate = candidateName(name, attempt);
      try {
        await linkWithoutOverwrite(temp, path.join(folder, candidate));
        return candidate;
      } catch (error) {
        if (!hasErrno(error, 'EEXIST')) throw error;
      }
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
  throw new AppError(AppErrorCode.LIBRARY_UNAVAILABLE, {
    message: `no free name for ${JSON.stringify(name)} after ${MAX_ATTEMPTS} attempts`,
  });
}
