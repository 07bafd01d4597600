import { AppError, AppErrorCode } from '@signet/shared/errors';
import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObjectCopier, ParseSpeeds } from 'pdf-lib';
import type { UpdateObject } from '../seal/incremental-update';
import type { PageLeaf } from '../seal/page-tree';
import { allPages } from '../seal/page-tree';
import type { PdfRevision } from '../seal/pdf-revision';

const MARGIN = 4;
const SIDE_MARGIN = 10;

type Footer = { ref: PDFRef; width: number; height: number };

/** The footer PDF's only page as a form XObject, copied (with its embedded font subset) into `context`. */
async function footerXObject(context: PDFContext, footerPdf: Uint8Array): Promise<Footer> {
  let footerDoc: PDFDocument;
  try {
    footerDoc = await PDFDocument.load(footerPdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (cause) {
    throw new AppError(AppErrorCode.INVALID_DOCUMENT, { message: 'the footer cannot be parsed', cause });
  }
  const [embedded] = await footerDoc.embedPages([footerDoc.getPage(0)]);
  if (!embedded) throw new AppError(AppErrorCode.SEAL_FAILED, { message: 'the footer page could not be embedded' });
  await embedded.embed();
  const copy = PDFObjectCopier.for(footerDoc.context, context).copy(footerDoc.context.lookup(embedded.ref)!);
  return { ref: context.register(copy), width: embedded.width, height: embedded.height };
}

/**
 * Where the footer goes on one page: centred at the foot of the visible box as the reader sees it (the page's
 * /Rotate turns the box), scaled down on pages narrower than the line. The matrix maps the footer's own space.
 */
function placement(page: PageLeaf, footer: Footer): string | undefined {
  if (!page.box) return undefined;
  const [x0, y0, x1, y1] = page.box;
  const along = page.rotate % 180 === 0 ? x1 - x0 : y1 - y0;
  const scale = Math.min(1, (along - 2 * SIDE_MARGIN) / footer.width);
  if (scale <= 0.3) return undefined; // a page too small for a legible footer keeps none
  const offset = (along - footer.width * scale) / 2;
  const s = scale.toFixed(4);
  const m = (a: string, b: string, c: string, d: string, e: number, f: number) =>
    `${a} ${b} ${c} ${d} ${e.toFixed(2)} ${f.toFixed(2)} cm`;
  switch (page.rotate) {
    case 90:
      return m('0', s, `-${s}`, '0', x1 - MARGIN, y0 + offset);
    case 180:
      return m(`-${s}`, '0', '0', `-${s}`, x1 - offset, y1 - MARGIN);
    case 270:
      return m('0', `-${s}`, s, '0', x0 + MARGIN, y1 - offset);
    default:
      return m(s, '0', '0', s, x0 + offset, y0 + MARGIN);
  }
}

function contentsOf(revision: PdfRevision, page: PageLeaf): PDFObject[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = revision.objects.resolve(contents);
  if (resolved instanceof PDFArray) return resolved.asArray();
  return contents ? [contents] : [];
}

/** The page's resources as a new direct dictionary with the footer added under an unused XObject name. */
function resourcesWithFooter(
  revision: PdfRevision,
  context: PDFContext,
  page: PageLeaf,
  footer: PDFRef,
): { resources: PDFDict; name: PDFName } {
  const resources = context.obj({});
  for (const [key, value] of page.resources?.entries() ?? []) resources.set(key, value);
  const xobjects = context.obj({});
  const existing = revision.objects.resolve(resources.get(PDFName.of('XObject')));
  if (existing instanceof PDFDict) for (const [key, value] of existing.entries()) xobjects.set(key, value);
  let name = 'SignetFooter';
  for (let i = 2; xobjects.has(PDFName.of(name)); i += 1) name = `SignetFooter${i}`;
  xobjects.set(PDFName.of(name), footer);
  resources.set(PDFName.of('XObject'), xobjects);
  return { resources, name: PDFName.of(name) };
}

/**
 * Stamps the footer on every page of the original, as new revisions of the page objects in the same update:
 * the page's own content is wrapped in `q … Q` (so a graphics state it leaves behind cannot move the footer),
 * then the footer form XObject is drawn. Everything else of the page (and every shared object) stays as it was.
 * New objects go into `context`; the rewritten page dictionaries are returned. Pages without a usable box keep
 * no footer.
 */
export async function stampFooter(
  revision: PdfRevision,
  context: PDFContext,
  footerPdf: Uint8Array,
): Promise<UpdateObject[]> {
  const footer = await footerXObject(context, footerPdf);
  const open = context.register(context.stream('q\n'));
  const rewritten: UpdateObject[] = [];
  for (const page of allPages(revision)) {
    const matrix = placement(page, footer);
    if (!matrix || page.ref.generationNumber !== 0) continue;
    const { resources, name } = resourcesWithFooter(revision, context, page, footer.ref);
    const close = context.register(context.stream(`\nQ\nq ${matrix} ${name.toString()} Do Q\n`));
    const copy = page.node.clone(context);
    copy.set(PDFName.of('Contents'), context.obj([open, ...contentsOf(revision, page), close]));
    copy.set(PDFName.of('Resources'), resources);
    rewritten.push({ objectNumber: page.ref.objectNumber, body: copy.toString() });
  }
  return rewritten;
}
