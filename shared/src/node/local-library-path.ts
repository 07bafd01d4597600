import { AppError, AppErrorCode } from '../errors/app-error';

/** Folder under the library root for Signet's own files (staging, temp files). Never listed, never addressable. */
export const INTERNAL_DIR = '.signet';
/** Suffix of the status sidecar written beside a document. */
export const SIDECAR_SUFFIX = '.signet.json';
/** Suffix of the signed copy written beside its original. */
export const SIGNED_SUFFIX = '.signed.pdf';
/** Suffix of the separate sealed evidence (signature page + audit trail) of an original that was already signed. */
export const EVIDENCE_SUFFIX = '.evidence.pdf';

const MAX_PATH_LENGTH = 1024;
// Staging keys are built from envelope and document ids; anything else could name a path outside staging.
const KEY_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

function invalidPath(input: string, why: string): AppError {
  return new AppError(AppErrorCode.INVALID_DOCUMENT_PATH, {
    message: `library path ${JSON.stringify(input)} ${why}`,
    details: { path: input },
  });
}

/**
 * Splits a library-relative path (`contracts/nda.pdf`) into segments. Rejects, with INVALID_DOCUMENT_PATH,
 * everything that could leave the library or reach Signet's internal files: absolute paths, drive letters,
 * backslashes, `..` segments, NUL bytes, `.signet/` and sidecar names. Empty and `.` segments are dropped,
 * so `a//b` and `./a/b` name the same document as `a/b`. Symlinks are checked later, against the disk.
 */
export function parseLibraryPath(input: string): string[] {
  if (typeof input !== 'string' || input.length === 0) throw invalidPath(String(input), 'is empty');
  if (input.length > MAX_PATH_LENGTH)
    throw invalidPath(input.slice(0, 64), `is longer than ${MAX_PATH_LENGTH} characters`);
  if (input.includes('\0')) throw invalidPath(input, 'contains a NUL byte');
  if (input.includes('\\')) throw invalidPath(input, 'contains a backslash (use forward slashes)');
  if (input.startsWith('/') || /^[A-Za-z]:/.test(input)) throw invalidPath(input, 'is absolute');
  const segments = input.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw invalidPath(input, 'contains a ".." segment');
  const last = segments[segments.length - 1];
  if (last === undefined) throw invalidPath(input, 'names no document');
  if (segments[0] === INTERNAL_DIR) throw invalidPath(input, "points into Signet's internal folder");
  if (last.toLowerCase().endsWith(SIDECAR_SUFFIX)) throw invalidPath(input, 'names a status sidecar');
  return segments;
}

/** `contracts/nda.pdf` → `contracts/nda.signed.pdf` (a name without `.pdf` just gains the suffix). */
export function signedCopyPathOf(libraryPath: string): string {
  const stem = libraryPath.replace(/\.pdf$/i, '');
  return `${stem}${SIGNED_SUFFIX}`;
}

/** `contracts/nda.pdf` → `contracts/nda.evidence.pdf`. */
export function evidencePathOf(libraryPath: string): string {
  return `${libraryPath.replace(/\.pdf$/i, '')}${EVIDENCE_SUFFIX}`;
}

/** True for the names `list()` hides: dot-files (temp files, `.signet/`), sidecars, signed copies and evidence files. */
export function isHiddenName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.startsWith('.') ||
    lower.endsWith(SIDECAR_SUFFIX) ||
    lower.endsWith(SIGNED_SUFFIX) ||
    lower.endsWith(EVIDENCE_SUFFIX)
  );
}

/** The opaque key `stage()` returns: `<envelopeId>/<documentId>`. */
export function stagedKeyOf(envelopeId: string, documentId: string): string {
  for (const id of [envelopeId, documentId]) {
    if (!KEY_SEGMENT.test(id)) throw invalidPath(id, 'is not a valid envelope or document id');
  }
  return `${envelopeId}/${documentId}`;
}

/** Inverse of {@link stagedKeyOf}; INVALID_DOCUMENT_PATH for anything `stage()` could not have returned. */
export function parseStagedKey(key: string): { envelopeId: string; documentId: string } {
  const parts = typeof key === 'string' ? key.split('/') : [];
  const [envelopeId, documentId] = parts;
  if (
    parts.length !== 2 ||
    !envelopeId ||
    !documentId ||
    !KEY_SEGMENT.test(envelopeId) ||
    !KEY_SEGMENT.test(documentId)
  ) {
    throw invalidPath(String(key), 'is not a staged-copy key');
  }
  return { envelopeId, documentId };
}
