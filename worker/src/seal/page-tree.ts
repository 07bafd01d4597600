import { PDFArray, PDFDict, PDFName, PDFRef } from 'pdf-lib';
import type { PdfRevision } from './pdf-revision';

/** A page object of the revision and its reference. */
export type PageNode = { ref: PDFRef; node: PDFDict };

// Deeper trees than this are malformed (pdf.js and pdfium stop well before); it also stops cycles.
const MAX_DEPTH = 64;

/**
 * The first page in document order, found by walking /Kids from the root page tree node without loading any other
 * page. Undefined when the tree has no page.
 */
export function firstPage(revision: PdfRevision): PageNode | undefined {
  const root = revision.catalog.get(PDFName.of('Pages'));
  return root instanceof PDFRef ? firstLeaf(revision, root, 0) : undefined;
}

function firstLeaf(revision: PdfRevision, ref: PDFRef, depth: number): PageNode | undefined {
  const node = revision.objects.lookup(ref);
  if (!(node instanceof PDFDict) || depth > MAX_DEPTH) return undefined;
  const kids = revision.objects.resolve(node.get(PDFName.of('Kids')));
  const type = node.get(PDFName.of('Type'));
  if (type === PDFName.of('Page') || (type !== PDFName.of('Pages') && !(kids instanceof PDFArray))) {
    return depth > 0 ? { ref, node } : undefined;
  }
  if (!(kids instanceof PDFArray)) return undefined;
  for (const kid of kids.asArray()) {
    const leaf = kid instanceof PDFRef ? firstLeaf(revision, kid, depth + 1) : undefined;
    if (leaf) return leaf;
  }
  return undefined;
}
