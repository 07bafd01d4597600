import type { PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
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

/** A page with the attributes it may inherit from its ancestors (ISO 32000-1, 7.7.3.4) already resolved. */
export type PageLeaf = PageNode & {
  resources: PDFDict | undefined;
  /** CropBox, else MediaBox: the visible area, [x0, y0, x1, y1]. */
  box: [number, number, number, number] | undefined;
  /** 0, 90, 180 or 270. */
  rotate: number;
};

type Inherited = { resources?: PDFObject; mediaBox?: PDFObject; cropBox?: PDFObject; rotate?: PDFObject };

/** Every page in document order, with its inheritable attributes resolved. Cycles and over-deep trees stop. */
export function allPages(revision: PdfRevision): PageLeaf[] {
  const root = revision.catalog.get(PDFName.of('Pages'));
  const pages: PageLeaf[] = [];
  if (root instanceof PDFRef) collectLeaves(revision, root, {}, 0, pages, new Set());
  return pages;
}

function collectLeaves(
  revision: PdfRevision,
  ref: PDFRef,
  inherited: Inherited,
  depth: number,
  pages: PageLeaf[],
  seen: Set<number>,
): void {
  const node = revision.objects.lookup(ref);
  if (!(node instanceof PDFDict) || depth > MAX_DEPTH || seen.has(ref.objectNumber)) return;
  seen.add(ref.objectNumber);
  const own = (key: string) => node.get(PDFName.of(key));
  const here: Inherited = {
    resources: own('Resources') ?? inherited.resources,
    mediaBox: own('MediaBox') ?? inherited.mediaBox,
    cropBox: own('CropBox') ?? inherited.cropBox,
    rotate: own('Rotate') ?? inherited.rotate,
  };
  const kids = revision.objects.resolve(own('Kids'));
  const type = own('Type');
  if (type === PDFName.of('Page') || (type !== PDFName.of('Pages') && !(kids instanceof PDFArray))) {
    if (depth === 0) return;
    const resources = revision.objects.resolve(here.resources);
    const rotate = revision.objects.resolve(here.rotate);
    pages.push({
      ref,
      node,
      resources: resources instanceof PDFDict ? resources : undefined,
      box: boxOf(revision, here.cropBox) ?? boxOf(revision, here.mediaBox),
      rotate: rotate instanceof PDFNumber ? (((Math.round(rotate.asNumber() / 90) * 90) % 360) + 360) % 360 : 0,
    });
    return;
  }
  if (!(kids instanceof PDFArray)) return;
  for (const kid of kids.asArray()) {
    if (kid instanceof PDFRef) collectLeaves(revision, kid, here, depth + 1, pages, seen);
  }
}

function boxOf(revision: PdfRevision, value: PDFObject | undefined): [number, number, number, number] | undefined {
  const array = revision.objects.resolve(value);
  if (!(array instanceof PDFArray) || array.size() !== 4) return undefined;
  const numbers = array.asArray().map((item) => revision.objects.resolve(item));
  if (!numbers.every((n): n is PDFNumber => n instanceof PDFNumber)) return undefined;
  const [a, b, c, d] = numbers.map((n) => n.asNumber()) as [number, number, number, number];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}
