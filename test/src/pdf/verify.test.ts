// `POST /api/v1/verify` over PDFs sealed by Signet's PAdES sealer (B-B, B-T, B-LT) with the loopback test PKI,
// through the real app (`buildApp(...).inject`) over a Temporal client the route never touches.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@signet/api';
import type { SignatureReport, VerifyReport } from '@signet/shared/node';
import { createLocalLibrary, loadConfig } from '@signet/shared/node';
import type { PadesLevel, SealSigner } from '@signet/worker';
import { createHttpRevocationSource, createHttpTimestampAuthority, loadPemSigner, sealPdfPades } from '@signet/worker';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { freePorts } from '../support/ports';
import { createTestPki, startPkiServices, type PkiServices, type TestPki } from '../support/test-pki';

const API_TOKEN = 'verify-test-api-token-0123456789abcdef0123';

let dir: string;
let pki: TestPki;
let services: PkiServices | undefined;
let app: FastifyInstance;
let rootPem: string;
const sealed = new Map<PadesLevel, Buffer>();

async function makeInput(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Service agreement', { x: 50, y: 780, size: 14, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function pemSigner(): Promise<SealSigner> {
  return loadPemSigner({
    keyPem: await readFile(pki.seal.key, 'utf8'),
    certificatesPem: (await readFile(pki.seal.cert, 'utf8')) + (await readFile(pki.chain, 'utf8')),
  });
}

/** Multipart body with the PDF as `file` and, optionally, the test root as `trustedRoots`. */
async function verify(bytes: Buffer, trustedRoot?: string): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'sealed.pdf');
  if (trustedRoot) form.append('trustedRoots', trustedRoot);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/verify',
    headers: {
      authorization: `Bearer ${API_TOKEN}`,
      'content-type': request.headers.get('content-type') ?? '',
    },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  return { status: response.statusCode, body: response.json<unknown>() };
}

async function onlySignature(bytes: Buffer): Promise<SignatureReport> {
  const { status, body } = await verify(bytes, rootPem);
  expect(status).toBe(200);
  const signatures = (body as VerifyReport).signatures;
  expect(signatures).toHaveLength(1);
  return signatures[0]!;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'signet-verify-'));
  const [port] = await freePorts(1);
  pki = await createTestPki(path.join(dir, 'pki'), { port: port! });
  services = await startPkiServices(pki);
  rootPem = await readFile(pki.root.cert, 'utf8');
  const signer = await pemSigner();
  const input = await makeInput();
  for (const level of ['B-B', 'B-T', 'B-LT'] as const) {
    const bytes = await sealPdfPades(input, {
      signer,
      level,
      tsa: createHttpTimestampAuthority({ url: `${pki.baseUrl}/tsa` }),
      revocation: createHttpRevocationSource(),
      signingTime: new Date(),
    });
    sealed.set(level, Buffer.from(bytes));
  }
  await services.stop();
  services = undefined;
  const config = loadConfig({
    SIGNET_API_TOKEN: API_TOKEN,
    SIGNET_LINK_SECRET: 'verify-test-link-secret-0123456789abcdef01',
    SIGNET_DATA_DIR: path.join(dir, 'data'),
  });
  app = buildApp({ client: {} as Client, namespace: 'default', library: createLocalLibrary(config.library), config });
  await app.ready();
}, 180_000);

afterAll(async () => {
  await app?.close();
  await services?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('POST /api/v1/verify', () => {
  it.each([
    ['B-B', false, 'none'],
    ['B-T', true, 'none'],
    ['B-LT', true, 'ltv-only'],
  ] as const)('reports a %s seal as valid, trusted, at its level', async (level, hasTimestamp, modifiedAfter) => {
    const signature = await onlySignature(sealed.get(level)!);
    expect(signature).toMatchObject({
      kind: 'signature',
      fieldName: 'Signet seal',
      subFilter: 'ETSI.CAdES.detached',
      valid: true,
      trusted: true,
      level,
      modifiedAfter,
    });
    expect(signature.signerSubject).toMatch(/CN=/);
    expect(signature.claimedTime).toEqual(expect.any(String));
    expect(signature.timestamp !== undefined).toBe(hasTimestamp);
  });

  it('reports untrusted without the test root', async () => {
    const { body } = await verify(sealed.get('B-T')!);
    expect((body as VerifyReport).signatures[0]?.trusted).toBeUndefined();
    const other = await verify(sealed.get('B-T')!, await readFile(pki.seal.cert, 'utf8'));
    expect((other.body as VerifyReport).signatures[0]?.trusted).toBe(false);
  });

  it("trusts the deployment's roots (SIGNET_TRUSTED_ROOTS_FILE) when the caller names none", async () => {
    const config = loadConfig({
      SIGNET_API_TOKEN: API_TOKEN,
      SIGNET_LINK_SECRET: 'verify-test-link-secret-0123456789abcdef01',
      SIGNET_DATA_DIR: path.join(dir, 'data'),
    });
    const withRoots = buildApp({
      client: {} as Client,
      namespace: 'default',
      library: createLocalLibrary(config.library),
      config,
      trustedRoots: [rootPem],
    });
    try {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(sealed.get('B-T')!)], { type: 'application/pdf' }), 'sealed.pdf');
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      const response = await withRoots.inject({
        method: 'POST',
        url: '/api/v1/verify',
        headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': request.headers.get('content-type') ?? '' },
        payload: Buffer.from(await request.arrayBuffer()),
      });
      expect(response.json<VerifyReport>().signatures[0]?.trusted).toBe(true);
    } finally {
      await withRoots.close();
    }
  });

  it('reports a changed signed byte as invalid', async () => {
    const bytes = Buffer.from(sealed.get('B-LT')!);
    const offset = bytes.indexOf('%', 1);
    bytes[offset + 1]! ^= 0x01;
    expect(await onlySignature(bytes)).toMatchObject({ valid: false, level: 'B-LT' });
  });

  it('rejects non-PDF and damaged input with the catalogue codes', async () => {
    const notPdf = await verify(Buffer.from('hello, not a pdf'));
    expect(notPdf).toMatchObject({ status: 415, body: { error: { code: 'NOT_A_PDF' } } });
    const damaged = await verify(Buffer.from('%PDF-1.7\ngarbage'));
    expect(damaged).toMatchObject({ status: 422, body: { error: { code: 'INVALID_DOCUMENT' } } });
  });

  it('needs the sender token', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/verify' });
    expect(response.statusCode).toBe(401);
  });
});
