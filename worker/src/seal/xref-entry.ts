import type { PDFObject } from 'pdf-lib';

/** The kind of cross-reference section a revision ends with; an update must append the same kind. */
export type XrefKind = 'table' | 'stream';

/**
 * Where the newest revision keeps an object: at a byte offset, inside an object stream, or (after a full pdf-lib
 * parse, the fallback for files whose cross-reference data is unusable) already parsed. Free entries are kept so an
 * older section cannot bring a deleted object back.
 */
export type XrefEntry =
  | { kind: 'free' }
  | { kind: 'offset'; offset: number }
  | { kind: 'compressed'; stream: number; index: number }
  | { kind: 'parsed'; value: PDFObject };
