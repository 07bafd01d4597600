import type { ModifiedAfter } from './types';

/** What an incremental update after a signature adds, judged from its raw bytes. */
export type RevisionKind = 'dss' | 'document-timestamp' | 'other';

/** A revision appended after a signed one: its byte span and what it adds. */
export type LaterRevision = { start: number; end: number; kind: RevisionKind; hasValidationData: boolean };

/**
 * Classifies each revision after `signedEnd`. A revision counts as LTV when it writes a DSS (a dictionary with
 * /Certs, /OCSPs, /CRLs or /VRI referenced as the catalog's /DSS) or a /DocTimeStamp signature, and no other
 * signature. This is a structural heuristic over uncompressed objects: an LTV update whose objects sit in a
 * compressed object stream reads as `other`, which errs on the side of reporting a change.
 */
export function classifyLaterRevisions(bytes: Buffer, revisionEnds: number[], signedEnd: number): LaterRevision[] {
  const later: LaterRevision[] = [];
  let start = signedEnd;
  for (const end of revisionEnds) {
    if (end <= signedEnd) continue;
    const text = bytes.subarray(start, end).toString('latin1');
    later.push({ start, end, kind: kindOf(text), hasValidationData: hasValidationData(text) });
    start = end;
  }
  // Bytes after the last %%EOF (other than whitespace) are a change nobody can classify.
  if (bytes.subarray(start).toString('latin1').trim().length > 0)
    later.push({ start, end: bytes.length, kind: 'other', hasValidationData: false });
  return later;
}

function kindOf(text: string): RevisionKind {
  if (/\/Type\s*\/DocTimeStamp/.test(text) && !/\/Type\s*\/Sig\b/.test(text)) return 'document-timestamp';
  if (/\/DSS\s+\d+\s+\d+\s+R/.test(text) && !/\/Type\s*\/Sig\b/.test(text) && !/\/ByteRange/.test(text)) return 'dss';
  return 'other';
}

/** A DSS with certificates and revocation data (OCSP responses or CRLs). */
function hasValidationData(text: string): boolean {
  return /\/Certs\s*\[/.test(text) && /\/(OCSPs|CRLs)\s*\[/.test(text);
}

export function modifiedAfter(later: LaterRevision[]): ModifiedAfter {
  if (later.length === 0) return 'none';
  return later.every((r) => r.kind !== 'other') ? 'ltv-only' : 'other';
}
