import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDFDocument } from 'pdf-lib';
import { loadPemSigner } from './key-signer';
import { loadPkcs12Signer } from './pkcs12-signer';
import { OID, sha256, toArrayBuffer } from './pki';
import { readTstInfo } from './rfc3161';
import { sealPdf } from './seal-pdf';
import type { ThrowawayPki } from './testing/throwaway-pki';
import { createThrowawayPki } from './testing/throwaway-pki';

let pki: ThrowawayPki;
beforeAll(() => {
  pki = createThrowawayPki();
  dump('root.pem', pki.pem('root.crt'));
});

/** Set SEAL_TEST_OUT to a directory to keep sealed outputs for manual validation (pyHanko, pdfsig). */
function dump(name: string, data: Uint8Array | string): void {
  const dir = process.env['SEAL_TEST_OUT'];
  if (dir) writeFileSync(path.join(dir, name), data);
}
afterAll(() => pki.dispose());

const signingTime = new Date('2025-03-14T10:05:00Z');

async function makePdf(pages: number, useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([300, 400]).drawText(`page ${i + 1}`);
  return doc.save({ useObjectStreams });
}

function signer() {
  return loadPemSigner({ keyPem: pki.pem('seal.key'), certificatesPem: pki.pem('seal.crt') + pki.pem('root.crt') });
}

/** Every `/ByteRange` in the file, in order. */
function byteRanges(bytes: Uint8Array): number[][] {
  const text = Buffer.from(bytes).toString('latin1');
  return [...text.matchAll(/\/ByteRange \[([\d ]+)\s*\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}

function contentsAt(bytes: Uint8Array, range: number[]): Uint8Array {
  const hex = Buffer.from(bytes.subarray(range[1]! + 1, range[2]! - 1)).toString('latin1');
  const der = Buffer.from(hex, 'hex');
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  return der.subarray(0, parsed.offset);
}

function signerInfoOf(der: Uint8Array): { signedData: pkijs.SignedData; info: pkijs.SignerInfo } {
  const content = new pkijs.ContentInfo({ schema: asn1js.fromBER(toArrayBuffer(der)).result });
  const signedData = new pkijs.SignedData({ schema: content.content });
  return { signedData, info: signedData.signerInfos[0]! };
}

function xrefKinds(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  return [...text.matchAll(/startxref\s+(\d+)/g)].map((m) =>
    text.slice(Number(m[1]), Number(m[1]) + 4) === 'xref' ? 'table' : 'stream',
  );
}

describe('sealPdf', () => {
  it.each([
    ['xref table', false],
    ['xref stream', true],
  ])('seals B-LTA as prefix-preserving updates of the same xref kind (%s)', async (_kind, objectStreams) => {
    const input = await makePdf(1, objectStreams);
    const sealed = await sealPdf(input, {
      signer: signer(),
      level: 'B-LTA',
      tsa: pki.tsa,
      revocation: pki.revocation,
      signingTime,
    });
    dump(`sealed-lta-${objectStreams ? 'stream' : 'table'}.pdf`, sealed);
    expect(Buffer.from(sealed.subarray(0, input.byteLength)).equals(Buffer.from(input))).toBe(true);
    const kinds = xrefKinds(sealed);
    expect(new Set(kinds)).toEqual(new Set([objectStreams ? 'stream' : 'table']));
    const ranges = byteRanges(sealed);
    expect(ranges).toHaveLength(2);
    // The signature revision ends where its byte range ends, and is a prefix of the final file.
    const [sig, docTs] = ranges;
    expect(sig![2]! + sig![3]!).toBeLessThan(docTs![2]! + docTs![3]!);
    expect(docTs![2]! + docTs![3]!).toBe(sealed.byteLength);
    const text = Buffer.from(sealed).toString('latin1');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toContain('/SubFilter /ETSI.RFC3161');
    expect(text).toContain('/M (D:20250314100500Z)');
    expect(text).toMatch(/\/DSS \d+ 0 R/);
    expect((await PDFDocument.load(sealed)).getPageCount()).toBe(1);
  });

  it('builds a CAdES-BASELINE signature: sorted attributes, ESSCertIDv2, no signing-time, timestamp over the value', async () => {
    const input = await makePdf(1, false);
    const sealed = await sealPdf(input, { signer: signer(), level: 'B-T', tsa: pki.tsa, signingTime });
    const [range] = byteRanges(sealed);
    const { signedData, info } = signerInfoOf(contentsAt(sealed, range!));
    const attrs = info.signedAttrs!.attributes;
    const types = attrs.map((a) => a.type);
    expect(types).toEqual(expect.arrayContaining([OID.contentType, OID.messageDigest, OID.signingCertificateV2]));
    expect(types).not.toContain(OID.signingTime);
    const ders = attrs.map((a) => Buffer.from(a.toSchema().toBER(false)));
    expect([...ders].sort(Buffer.compare)).toEqual(ders);
    const signedBytes = Buffer.concat([
      sealed.subarray(0, range![1]),
      sealed.subarray(range![2], range![2]! + range![3]!),
    ]);
    const digest = attrs.find((a) => a.type === OID.messageDigest)!.values[0] as asn1js.OctetString;
    expect(Buffer.from(digest.valueBlock.valueHexView).equals(sha256(signedBytes))).toBe(true);
    const leafDer = Buffer.from(signedData.certificates![0]!.toSchema().toBER(false));
    const essV2 = attrs.find((a) => a.type === OID.signingCertificateV2)!.values[0] as asn1js.Sequence;
    const certHash = (
      ((essV2.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock
        .value[0] as asn1js.OctetString
    ).valueBlock.valueHexView;
    expect(Buffer.from(certHash).equals(sha256(leafDer))).toBe(true);
    expect(signedData.certificates).toHaveLength(2);
    const tst = info.unsignedAttrs!.attributes.find((a) => a.type === OID.signatureTimeStampToken)!;
    const tstInfo = readTstInfo(new pkijs.ContentInfo({ schema: tst.values[0] }));
    const imprint = Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
    expect(imprint.equals(sha256(new Uint8Array(info.signature.valueBlock.valueHexView)))).toBe(true);
    const verified = await signedData.verify({ signer: 0, data: toArrayBuffer(signedBytes), checkChain: false });
    expect(verified).toBe(true);
  });

  it('B-B never asks a configured TSA: no signature timestamp, so validators see B-B as asked', async () => {
    // Found by pyHanko and EU DSS (test/src/pdf/seal-validators.test.ts): B-B with a TSA configured carried a timestamp.
    const before = pki.calls.tsa;
    const sealed = await sealPdf(await makePdf(1, false), {
      signer: signer(),
      level: 'B-B',
      tsa: pki.tsa,
      signingTime,
    });
    expect(pki.calls.tsa).toBe(before);
    const { info } = signerInfoOf(contentsAt(sealed, byteRanges(sealed)[0]!));
    expect(info.unsignedAttrs).toBeUndefined();
    expect(Buffer.from(sealed).toString('latin1')).not.toMatch(/\/DSS \d+ 0 R/);
  });

  it('keeps an existing signature byte-exact when sealing again', async () => {
    const first = await sealPdf(await makePdf(2, true), { signer: signer(), level: 'B-B', signingTime });
    const second = await sealPdf(first, { signer: signer(), level: 'B-T', tsa: pki.tsa, signingTime });
    dump('sealed-twice-bt.pdf', second);
    expect(Buffer.from(second.subarray(0, first.byteLength)).equals(Buffer.from(first))).toBe(true);
    const text = Buffer.from(second).toString('latin1');
    expect(text).toContain('/T (Signet seal)');
    expect(text).toContain('/T (Signet seal 2)');
    expect(byteRanges(second)).toHaveLength(2);
  });

  it('seals a 100-page document from a PKCS#12 key', async () => {
    const input = await makePdf(100, true);
    const p12 = await loadPkcs12Signer(new Uint8Array(readFileSync(pki.file('seal.p12'))), 'test');
    const sealed = await sealPdf(input, {
      signer: p12,
      level: 'B-LT',
      tsa: pki.tsa,
      revocation: pki.revocation,
      signingTime,
    });
    dump('sealed-lt-100.pdf', sealed);
    expect(Buffer.from(sealed.subarray(0, input.byteLength)).equals(Buffer.from(input))).toBe(true);
    expect((await PDFDocument.load(sealed)).getPageCount()).toBe(100);
  });
});
