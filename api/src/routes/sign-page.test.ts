import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { createLogger } from '@signet/shared/node';
import { installErrorHandler } from '../errors/error-handler';
import { makeEnvelopeView } from '../test-support/envelope-view';
import { createFakeTemporal } from '../test-support/fake-temporal';
import { createTestApp, linkToken } from '../test-support/test-app';
import { readWebManifest } from '../pages/web-assets';
import { SIGN_PAGE_CSP, TEAMS_SIGN_PAGE_CSP } from './sign-page';
import { readAsset, registerStaticAssets } from './static-assets';

// These read api/dist/public, written by `npm run build:web` (scripts/test.sh runs it before Jest).

function app() {
  const temporal = createFakeTemporal({ query: async () => makeEnvelopeView() });
  return createTestApp({ temporal }).app;
}

describe('GET /sign/:token', () => {
  it('is a script shell with a strict CSP, no inline script or style, and the hashed assets', async () => {
    const response = await app().inject({ method: 'GET', url: `/sign/${linkToken()}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': SIGN_PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    expect(SIGN_PAGE_CSP).toContain("script-src 'self'");
    expect(SIGN_PAGE_CSP).not.toContain('unsafe');
    const manifest = readWebManifest();
    expect(response.body).toContain(`<script type="module" src="/assets/${manifest.sign!.js}"></script>`);
    expect(response.body).toContain(`<link rel="stylesheet" href="/assets/${manifest.sign!.css}">`);
    expect(response.body).toContain('<main id="app"');
    expect(response.body).toContain('<noscript>');
    // Nothing inline: every <script> has a src, there is no <style> and no style attribute.
    expect(response.body.match(/<script(?![^>]*\ssrc=)/g)).toBeNull();
    expect(response.body).not.toMatch(/<style|\sstyle=|\son\w+=/);
    // The shell never names the envelope, so nothing the sender wrote can reach this HTML.
    expect(response.body).not.toContain('Sam Sender');
  });

  it('takes its language from Accept-Language (Norwegian from nb), English otherwise', async () => {
    const fi = await app().inject({
      method: 'GET',
      url: `/sign/${linkToken()}`,
      headers: { 'accept-language': 'fi-FI,fi;q=0.9' },
    });
    expect(fi.body).toContain('<html lang="fi">');
    expect(fi.body).toContain('Allekirjoita asiakirjat');
    const nb = await app().inject({ method: 'GET', url: `/sign/${linkToken()}`, headers: { 'accept-language': 'nb' } });
    expect(nb.body).toContain('<html lang="no">');
    const other = await app().inject({
      method: 'GET',
      url: `/sign/${linkToken()}`,
      headers: { 'accept-language': 'ja' },
    });
    expect(other.body).toContain('<html lang="en">');
  });

  it("lets only the Teams-hosted page (?host=teams) fetch teams-js's list of Teams origins", async () => {
    const teams = await app().inject({ method: 'GET', url: `/sign/${linkToken()}?host=teams` });
    expect(teams.headers['content-security-policy']).toBe(TEAMS_SIGN_PAGE_CSP);
    expect(TEAMS_SIGN_PAGE_CSP).toContain("connect-src 'self' https://res.cdn.office.net;");
    const standalone = await app().inject({ method: 'GET', url: `/sign/${linkToken()}?host=other` });
    expect(standalone.headers['content-security-policy']).toBe(SIGN_PAGE_CSP);
  });

  it('serves the same shell for a forged token (the page shows the API answer)', async () => {
    const response = await app().inject({ method: 'GET', url: '/sign/v1.garbage.sig' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBe(SIGN_PAGE_CSP);
  });
});

describe('GET /assets/:name', () => {
  async function assetsApp() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'signet-assets-'));
    await writeFile(path.join(dir, 'sign-ABCDEFGH.js'), 'export {};');
    await writeFile(path.join(dir, 'sign-ABCDEFGH.css'), 'body{}');
    await writeFile(path.join(dir, 'plain.js'), '1');
    await writeFile(path.join(dir, 'secret.env'), 'x');
    await mkdir(path.join(dir, 'sub'));
    const fastify = Fastify();
    installErrorHandler(
      fastify,
      createLogger('test', () => undefined),
    );
    registerStaticAssets(fastify, dir);
    return fastify;
  }

  it('serves hashed files with their MIME type and immutable caching, others revalidated', async () => {
    const fastify = await assetsApp();
    const js = await fastify.inject({ method: 'GET', url: '/assets/sign-ABCDEFGH.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    const css = await fastify.inject({ method: 'GET', url: '/assets/sign-ABCDEFGH.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const plain = await fastify.inject({ method: 'GET', url: '/assets/plain.js' });
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    '/assets/',
    '/assets/sub',
    '/assets/secret.env',
    '/assets/missing-ABCDEFGH.js',
    '/assets/..%2Fpackage.json',
    '/assets/%2E%2E%2Fsecret.env',
    '/assets/.hidden.js',
  ])('refuses %s with 404 ASSET_NOT_FOUND (no listing, no traversal, known types only)', async (url) => {
    const fastify = await assetsApp();
    const response = await fastify.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(404);
    expect((JSON.parse(response.body) as { error: { code: string } }).error.code).toBe('ASSET_NOT_FOUND');
  });

  it('a path that climbs out is not an asset route at all', async () => {
    const fastify = await assetsApp();
    const response = await fastify.inject({ method: 'GET', url: '/assets/../src/app.ts' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('buildApp');
  });

  it('readAsset refuses names with separators outright', async () => {
    await expect(readAsset('../package.json', '/tmp')).rejects.toMatchObject({ code: 'ASSET_NOT_FOUND' });
    await expect(readAsset('a/b.js', '/tmp')).rejects.toMatchObject({ code: 'ASSET_NOT_FOUND' });
  });

  it('the built bundle is served by the real app', async () => {
    const manifest = readWebManifest();
    const response = await app().inject({ method: 'GET', url: `/assets/${manifest.sign!.js}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });
});
