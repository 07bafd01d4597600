import { crc32, deflateSync } from 'node:zlib';
import { MAX_SIGNATURE_IMAGE_BYTES } from '@signet/shared';
import { makeEnvelopeView } from '../test-support/envelope-view';
import { createFakeTemporal } from '../test-support/fake-temporal';
import { AUTH, createTestApp, linkToken } from '../test-support/test-app';
import { checkSignatureImage } from './check-signature-image';
import { hashNationalId, maskNationalId } from './mask-national-id';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real greyscale PNG of `width` × `height` white pixels. */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0xff);
  for (let row = 0; row < height; row += 1) rows[row * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('checkSignatureImage', () => {
  it('accepts a PNG up to 2000 × 1000 pixels', () => {
    expect(checkSignatureImage(png(300, 80).toString('base64'))).toEqual({ width: 300, height: 80 });
    expect(checkSignatureImage(png(2000, 1000).toString('base64'))).toEqual({ width: 2000, height: 1000 });
  });

  it.each([
    ['not base64', 'not base64!'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(60)]).toString('base64')],
    ['too wide', png(2001, 10).toString('base64')],
    ['too tall', png(10, 1001).toString('base64')],
    [
      'a corrupt header',
      (() => {
        const b = png(10, 10);
        b[20] = 0x7f;
        return b.toString('base64');
      })(),
    ],
    ['truncated', png(10, 10).subarray(0, 50).toString('base64')],
    ['too many bytes', Buffer.concat([png(10, 10), Buffer.alloc(MAX_SIGNATURE_IMAGE_BYTES)]).toString('base64')],
  ])('refuses %s with INVALID_SIGNATURE_IMAGE', (_label, base64) => {
    expect(() => checkSignatureImage(base64)).toThrow(expect.objectContaining({ code: 'INVALID_SIGNATURE_IMAGE' }));
  });
});

describe('POST /recipient/:token/sign body rules', () => {
  const view = makeEnvelopeView();
  const setup = () =>
    createTestApp({ temporal: createFakeTemporal({ query: async () => view, update: async () => view }) });
  const sign = async (payload: object) => {
    const { app, temporal } = setup();
    const response = await app.inject({ method: 'POST', url: `/api/v1/recipient/${linkToken()}/sign`, payload });
    return { response, temporal };
  };

  it.each([
    [{ signatureText: 'Alice' }, 'CONSENT_REQUIRED'],
    [{ signatureText: 'Alice', consent: false }, 'CONSENT_REQUIRED'],
    [{ consent: true }, 'VALIDATION_FAILED'],
    [{ consent: true, signatureKind: 'DRAWN' }, 'INVALID_SIGNATURE_IMAGE'],
    [{ consent: true, signatureKind: 'UPLOADED', signatureImagePng: 'AAAA' }, 'INVALID_SIGNATURE_IMAGE'],
  ])('%j → %s, and nothing reaches the workflow', async (payload, code) => {
    const { response, temporal } = await sign(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(temporal.updates).toHaveLength(0);
  });

  it('passes a drawn signature on to the workflow', async () => {
    const image = png(200, 60).toString('base64');
    const { response, temporal } = await sign({
      consent: true,
      signatureKind: 'DRAWN',
      signatureImagePng: image,
      signatureText: 'Alice',
    });
    expect(response.statusCode).toBe(200);
    expect(temporal.updates[0]?.input).toMatchObject({
      signatureKind: 'DRAWN',
      signatureImagePng: image,
      authMethod: 'LINK',
    });
  });
});

describe('national identity numbers', () => {
  it.each([
    ['010190-123A', '010190-****'],
    ['19900101-1234', '19900101-****'],
    ['0101901234', '010190****'],
    ['AB1234567', 'AB12*****'],
  ])('%s is shown as %s', (id, masked) => {
    expect(maskNationalId(id)).toBe(masked);
  });

  it('is hashed with the envelope id', () => {
    expect(hashNationalId('env-1', '010190-123A')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashNationalId('env-1', '010190-123A')).not.toBe(hashNationalId('env-2', '010190-123A'));
  });
});

describe('sending to a recipient whose sign-in is not configured', () => {
  it.each(['MICROSOFT', 'STRONG'])('%s → 400 AUTHENTICATION_UNAVAILABLE before anything is created', async (method) => {
    const { app, temporal } = createTestApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/envelopes',
      headers: AUTH,
      payload: {
        subject: 'Contract',
        sender: { email: 'sender@example.com' },
        documents: [{ libraryPath: 'contracts/nda.pdf' }],
        recipients: [{ email: 'alice@example.com', authentication: method }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'AUTHENTICATION_UNAVAILABLE', details: { field: 'recipients.0.authentication' } },
    });
    expect(temporal.starts).toHaveLength(0);
  });

  it('adding such a recipient is refused the same way', async () => {
    const { app, temporal } = createTestApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/envelopes/env-123456/recipients',
      headers: AUTH,
      payload: { email: 'carol@example.com', routingOrder: 1, authentication: 'STRONG' },
    });
    expect(response.json()).toMatchObject({ error: { code: 'AUTHENTICATION_UNAVAILABLE' } });
    expect(temporal.updates).toHaveLength(0);
  });
});
