import { promises as fs } from 'node:fs';
import type { DocumentStatusRecord } from './document-library';
import { hasErrno, writeFileAtomic } from './local-library-fs';

/** Reads a sidecar; undefined when absent or unreadable as a status record (it is rewritten on the next update). */
export async function readStatusFile(sidecar: string): Promise<DocumentStatusRecord | undefined> {
  let text: string;
  try {
    text = await fs.readFile(sidecar, 'utf8');
  } catch (error) {
    if (hasErrno(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isStatusRecord(parsed)) return parsed;
  } catch {
    // A hand-edited or truncated sidecar carries no trustworthy status; treat it as absent.
  }
  return undefined;
}

function isStatusRecord(value: unknown): value is DocumentStatusRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<DocumentStatusRecord>;
  return typeof record.envelopeId === 'string' && typeof record.status === 'string' && Number.isFinite(record.revision);
}

/**
 * True when `incoming` must not replace `stored`. Revisions are monotonic per envelope, so only records of
 * the same envelope are compared: a late retry of revision 3 never overwrites revision 4. A record from a
 * different envelope replaces the stored one (the document was sent again; the newer envelope owns it).
 */
export function isStale(stored: DocumentStatusRecord | undefined, incoming: DocumentStatusRecord): boolean {
  return stored !== undefined && stored.envelopeId === incoming.envelopeId && incoming.revision < stored.revision;
}

/** Writes the sidecar atomically unless the stored record is newer; returns whether it was written. */
export async function writeStatusFile(sidecar: string, record: DocumentStatusRecord): Promise<boolean> {
  const stored = await readStatusFile(sidecar);
  if (isStale(stored, record)) return false;
  await writeFileAtomic(sidecar, Buffer.from(JSON.stringify(record, null, 2) + '\n', 'utf8'));
  return true;
}

/**
 * Serialises async work per key inside this process, so the read-compare-write of a sidecar is not
 * interleaved by two activities updating the same document at once.
 */
export function createKeyedLock(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
