import { h } from '../common/dom';

/** A canvas that records pointer strokes (mouse, pen, touch); `isEmpty` until the first stroke. */
export type SignaturePad = { canvas: HTMLCanvasElement; clear(): void; isEmpty(): boolean };

export function createSignaturePad(label: string): SignaturePad {
  const canvas = h('canvas', { class: 'signature-canvas', width: 600, height: 200, 'aria-label': label, role: 'img' });
  const context = canvas.getContext('2d');
  let drawing = false;
  let empty = true;

  const point = (event: PointerEvent): { x: number; y: number } => {
    const box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * canvas.width,
      y: ((event.clientY - box.top) / box.height) * canvas.height,
    };
  };

  canvas.addEventListener('pointerdown', (event) => {
    if (!context) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = true;
    const { x, y } = point(event);
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#102a5c';
    context.beginPath();
    context.moveTo(x, y);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing || !context) return;
    event.preventDefault();
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
    empty = false;
  });
  const stop = (): void => {
    drawing = false;
  };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);

  return {
    canvas,
    clear: () => {
      context?.clearRect(0, 0, canvas.width, canvas.height);
      empty = true;
    },
    isEmpty: () => empty,
  };
}
