import type { PDFDocumentProxy } from 'pdfjs-dist';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import { h, replaceChildren } from '../common/dom';
import type { PageContext } from './page-context';

// One document: toolbar (page count, zoom, download) and its pages. pdf.js fetches the file in ranges
// (disableAutoFetch), so a large file shows its first pages long before the rest has arrived; each page is
// rendered only when it scrolls near the viewport.

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const RANGE_CHUNK_BYTES = 256 * 1024;

type ViewerState = { pdf?: PDFDocumentProxy; zoomIndex: number; observer?: IntersectionObserver };

function pageScale(state: ViewerState, container: HTMLElement, pageWidth: number): number {
  // Fit to width (phones), then the chosen zoom; at least 200 CSS px so a page never vanishes.
  const available = Math.max(container.clientWidth - 2, 200);
  return (available / pageWidth) * (ZOOM_STEPS[state.zoomIndex] ?? 1);
}

async function renderPage(pdf: PDFDocumentProxy, number: number, slot: HTMLElement, scale: number): Promise<void> {
  const page = await pdf.getPage(number);
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = slot.querySelector('canvas') ?? h('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  slot.style.height = '';
  if (!canvas.isConnected) replaceChildren(slot, canvas);
  await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  slot.dataset.rendered = 'true';
}

function layoutPages(ctx: PageContext, state: ViewerState, pagesBox: HTMLElement, name: string): void {
  const pdf = state.pdf;
  if (!pdf) return;
  state.observer?.disconnect();
  const { t } = ctx.i18n;
  const slots: HTMLElement[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    slots.push(
      h('div', {
        class: 'pdf-page',
        role: 'img',
        'aria-label': t('pageLabel', { document: name, page: number, count: pdf.numPages }),
        'data-page': number,
      }),
    );
  }
  replaceChildren(pagesBox, ...slots);
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const slot = entry.target as HTMLElement;
        observer.unobserve(slot);
        void pdf
          .getPage(Number(slot.dataset.page))
          .then((page) => renderPage(pdf, page.pageNumber, slot, pageScale(state, pagesBox, page.view[2] ?? 612)))
          .catch(() => slot.classList.add('pdf-page-failed'));
      }
    },
    { rootMargin: '400px 0px' },
  );
  slots.forEach((slot) => observer.observe(slot));
  state.observer = observer;
}

/** A document's viewer; the PDF starts loading at once, pages render as they come into view. */
export function createPdfViewer(ctx: PageContext, document: { index: number; name: string }): HTMLElement {
  const { t } = ctx.i18n;
  const state: ViewerState = { zoomIndex: ZOOM_STEPS.indexOf(1) };
  const status = h('p', { class: 'pdf-status', role: 'status' }, t('loading'));
  // A scrolling box: focusable so keyboard users can scroll it, labelled for screen readers.
  const pagesBox = h('div', { class: 'pdf-pages', tabindex: 0, role: 'region', 'aria-label': document.name });
  const zoomText = h('span', { class: 'zoom-level', 'aria-live': 'polite' }, t('zoomLevel', { percent: 100 }));
  const zoom = (delta: number) => (): void => {
    const next = Math.min(Math.max(state.zoomIndex + delta, 0), ZOOM_STEPS.length - 1);
    if (next === state.zoomIndex) return;
    state.zoomIndex = next;
    zoomText.textContent = t('zoomLevel', { percent: Math.round((ZOOM_STEPS[next] ?? 1) * 100) });
    layoutPages(ctx, state, pagesBox, document.name);
  };
  const download = async (): Promise<void> => {
    const blob = await ctx.api.downloadDocument(document.index);
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: document.name, class: 'visually-hidden' });
    window.document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  };
  const toolbar = h(
    'div',
    { class: 'pdf-toolbar' },
    h('button', { type: 'button', class: 'button secondary', onclick: zoom(-1) }, t('zoomOut')),
    zoomText,
    h('button', { type: 'button', class: 'button secondary', onclick: zoom(1) }, t('zoomIn')),
    h(
      'button',
      {
        type: 'button',
        class: 'button secondary',
        onclick: () => void download().catch(() => (status.textContent = t('errorNETWORK'))),
      },
      t('download'),
    ),
  );
  const section = h('div', { class: 'pdf-viewer' }, toolbar, status, pagesBox);

  GlobalWorkerOptions.workerSrc = ctx.pdfWorkerUrl;
  const task = getDocument({
    url: ctx.api.documentUrl(document.index),
    httpHeaders: ctx.api.sessionHeaders(),
    withCredentials: false,
    rangeChunkSize: RANGE_CHUNK_BYTES,
    disableAutoFetch: true,
    // Without this pdf.js keeps streaming the whole file beside its range requests.
    disableStream: true,
    useWasm: false,
    enableXfa: false,
  });
  task.promise
    .then((pdf) => {
      state.pdf = pdf;
      status.textContent = t('pages', { count: pdf.numPages });
      layoutPages(ctx, state, pagesBox, document.name);
    })
    .catch(() => {
      status.textContent = t('pdfFailed');
    });
  return section;
}
