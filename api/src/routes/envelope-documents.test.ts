import { makeEnvelopeView } from '../test-support/envelope-view';
import { createFakeLibrary } from '../test-support/fake-library';
import { createFakeTemporal } from '../test-support/fake-temporal';
import { AUTH, createTestApp } from '../test-support/test-app';

const ORIGINAL = Buffer.from('%PDF-1.7 original');
const SIGNED = Buffer.from('%PDF-1.7 signed');

function appWith(view = makeEnvelopeView()) {
  const temporal = createFakeTemporal({ query: async () => view });
  const library = createFakeLibrary({ 'contracts/nda.pdf': ORIGINAL, 'contracts/nda.signed.pdf': SIGNED });
  return createTestApp({ temporal, library }).app;
}

const url = (variant: string, index = 0) => `/api/v1/envelopes/env-123456/documents/${index}/${variant}`;

describe('GET /api/v1/envelopes/:id/documents/:index/:variant', () => {
  it('serves the original as an attachment that is never cached', async () => {
    const response = await appWith().inject({ method: 'GET', url: url('original'), headers: AUTH });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload).toEqual(ORIGINAL);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('filename="nda.pdf"');
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('answers SIGNED_COPY_NOT_READY before sealing and the signed copy after', async () => {
    const pending = await appWith().inject({ method: 'GET', url: url('signed'), headers: AUTH });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('SIGNED_COPY_NOT_READY');

    const completed = makeEnvelopeView({ status: 'COMPLETED' });
    completed.documents = completed.documents.map((d) => ({
      ...d,
      signedCopyRef: { library: 'local', path: 'contracts/nda.signed.pdf' },
    }));
    const done = await appWith(completed).inject({ method: 'GET', url: url('signed'), headers: AUTH });
    expect(done.statusCode).toBe(200);
    expect(done.rawPayload).toEqual(SIGNED);
    expect(done.headers['content-disposition']).toContain('filename="nda.signed.pdf"');
  });

  it('refuses unknown variants, bad indexes and anonymous callers with codes', async () => {
    const app = appWith();
    const variant = await app.inject({ method: 'GET', url: url('secret'), headers: AUTH });
    expect([variant.statusCode, variant.json().error.code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    const index = await app.inject({ method: 'GET', url: url('original', 7), headers: AUTH });
    expect([index.statusCode, index.json().error.code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    const evidence = await app.inject({ method: 'GET', url: url('evidence'), headers: AUTH });
    expect([evidence.statusCode, evidence.json().error.code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    const anonymous = await app.inject({ method: 'GET', url: url('original') });
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
