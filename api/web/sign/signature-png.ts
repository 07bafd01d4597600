import { MAX_SIGNATURE_IMAGE_BYTES } from '@signet/shared';

// Every signature leaves the page as a PNG of at most MAX_SIGNATURE_IMAGE_BYTES (the API checks again):
// cropped to the ink, scaled down until it fits, and as a last resort reduced to black ink on transparency.

const MAX_WIDTH = 1200;
const MAX_HEIGHT = 400;

function base64Size(dataUrl: string): number {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Math.floor((base64.length * 3) / 4);
}

/** The bounding box of non-transparent pixels, or undefined for an empty canvas. */
function inkBounds(canvas: HTMLCanvasElement): { x: number; y: number; w: number; h: number } | undefined {
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0 || canvas.height === 0) return undefined;
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((data[(y * width + x) * 4 + 3] ?? 0) > 16) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return undefined;
  const pad = 4;
  const x = Math.max(minX - pad, 0);
  const y = Math.max(minY - pad, 0);
  return { x, y, w: Math.min(maxX + pad, width - 1) - x + 1, h: Math.min(maxY + pad, height - 1) - y + 1 };
}

/** Black ink on transparency: far fewer colours, so the PNG compresses much better. */
function threshold(canvas: HTMLCanvasElement): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) {
    const dark = (data[i + 3] ?? 0) > 96 && (data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) < 600;
    data[i] = 0;
    data[i + 1] = 0;
    data[i + 2] = 0;
    data[i + 3] = dark ? 255 : 0;
  }
  context.putImageData(image, 0, 0);
}

/** The canvas's ink as base64 PNG (no data: prefix), or undefined when nothing is drawn or it cannot fit. */
export function exportSignaturePng(source: HTMLCanvasElement): string | undefined {
  const bounds = inkBounds(source);
  if (!bounds) return undefined;
  let scale = Math.min(1, MAX_WIDTH / bounds.w, MAX_HEIGHT / bounds.h);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const out = document.createElement('canvas');
    out.width = Math.max(1, Math.round(bounds.w * scale));
    out.height = Math.max(1, Math.round(bounds.h * scale));
    const context = out.getContext('2d');
    if (!context) return undefined;
    context.drawImage(source, bounds.x, bounds.y, bounds.w, bounds.h, 0, 0, out.width, out.height);
    if (attempt > 0) threshold(out);
    const dataUrl = out.toDataURL('image/png');
    if (base64Size(dataUrl) <= MAX_SIGNATURE_IMAGE_BYTES) return dataUrl.slice(dataUrl.indexOf(',') + 1);
    scale *= 0.7;
  }
  return undefined;
}

/** Draws a picked image file into `canvas`, scaled to fit and centred; false when it cannot be decoded. */
export async function drawImageFile(file: File, canvas: HTMLCanvasElement): Promise<boolean> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return false;
  }
  const context = canvas.getContext('2d');
  if (!context) return false;
  context.clearRect(0, 0, canvas.width, canvas.height);
  const scale = Math.min(canvas.width / bitmap.width, canvas.height / bitmap.height, 1);
  const w = bitmap.width * scale;
  const hgt = bitmap.height * scale;
  context.drawImage(bitmap, (canvas.width - w) / 2, (canvas.height - hgt) / 2, w, hgt);
  bitmap.close();
  return true;
}

/** Writes `text` in a handwriting-like system font (no web fonts: the CSP and privacy both say no). */
export function drawTypedSignature(text: string, canvas: HTMLCanvasElement): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  if (!text.trim()) return;
  let size = Math.round(canvas.height * 0.5);
  const family = '"Segoe Script", "Brush Script MT", "Snell Roundhand", "URW Chancery L", cursive';
  context.font = `italic ${size}px ${family}`;
  while (size > 12 && context.measureText(text).width > canvas.width - 20) {
    size -= 2;
    context.font = `italic ${size}px ${family}`;
  }
  context.fillStyle = '#102a5c';
  context.textBaseline = 'middle';
  context.textAlign = 'center';
  context.fillText(text, canvas.width / 2, canvas.height / 2);
}
