import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppErrorCode } from '@signet/shared';
import { createTimestampRequest, readTimestampResponse } from './rfc3161';

const digest = new Uint8Array(32).fill(7);

/** The nonce's content octets exactly as they are encoded in the request. */
function encodedNonce(der: Uint8Array): Buffer {
  const parsed = asn1js.fromBER(Uint8Array.from(der).buffer);
  const request = new pkijs.TimeStampReq({ schema: parsed.result });
  return Buffer.from(request.nonce!.valueBlock.valueHexView);
}

describe('createTimestampRequest', () => {
  // OpenSSL's TSA answers "Bad request format" (status 2) to a non-minimal INTEGER: this once failed CI at random.
  it.each([
    ['all zero', 0x00, 0x00],
    ['0x80 then low', 0x80, 0x10],
    ['0xff', 0xff, 0xff],
    ['0x7f', 0x7f, 0x00],
  ])('keeps the nonce a minimal positive DER INTEGER when the random bytes are %s', (_name, first, second) => {
    const { der, nonce } = createTimestampRequest(digest, (size) => {
      const bytes = Buffer.alloc(size, second);
      bytes[0] = first;
      return bytes;
    });
    expect(nonce).toHaveLength(8);
    expect(nonce[0]).toBeGreaterThanOrEqual(0x01);
    expect(nonce[0]).toBeLessThanOrEqual(0x7f);
    expect(encodedNonce(der).equals(nonce)).toBe(true);
  });

  it('uses a fresh nonce per request', () => {
    expect(createTimestampRequest(digest).nonce.equals(createTimestampRequest(digest).nonce)).toBe(false);
  });
});

describe('readTimestampResponse', () => {
  it('reports a refusal with the TSA status text and the TSA_UNAVAILABLE code', () => {
    const response = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({
        status: pkijs.PKIStatus.rejection,
        statusStrings: [new asn1js.Utf8String({ value: 'Bad request format or system error.' })],
      }),
    });
    const der = new Uint8Array(response.toSchema().toBER(false));
    expect(() => readTimestampResponse(der, digest, Buffer.alloc(8, 1))).toThrow(
      expect.objectContaining({
        code: AppErrorCode.TSA_UNAVAILABLE,
        message: expect.stringContaining('status 2 (Bad request format or system error.)'),
      }),
    );
  });
});
