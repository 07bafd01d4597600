import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';
import { PUBLIC_DIR } from '../pages/web-assets';

// `GET /assets/:name`: the browser bundles from api/dist/public. A name is one path segment of safe
// characters, so there is no traversal and no directory listing; only known types are served.

const MIME_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
// esbuild's [hash]: eight base32 characters before the extension (`sign-CJIXGAVS.js`, `…js.map`).
const HASHED_NAME = /-[A-Z0-9]{8}\.[a-z0-9.]+$/;

/** The file's bytes and headers, or ASSET_NOT_FOUND for anything that is not a built asset. */
export async function readAsset(
  name: string,
  publicDir = PUBLIC_DIR,
): Promise<{ bytes: Buffer; headers: Record<string, string> }> {
  const type = MIME_TYPES[path.extname(name)];
  if (!SAFE_NAME.test(name) || name.includes('..') || !type) throw new AppError(AppErrorCode.ASSET_NOT_FOUND);
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(publicDir, name));
  } catch {
    throw new AppError(AppErrorCode.ASSET_NOT_FOUND);
  }
  return {
    bytes,
    headers: {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      // A hashed name never changes content; anything else must be revalidated.
      'Cache-Control': HASHED_NAME.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  };
}

export function registerStaticAssets(app: FastifyInstance, publicDir = PUBLIC_DIR): void {
  app.get('/assets/:name', async (request, reply) => {
    const { name = '' } = request.params as { name?: string };
    const asset = await readAsset(name, publicDir);
    return reply.headers(asset.headers).send(asset.bytes);
  });
}
