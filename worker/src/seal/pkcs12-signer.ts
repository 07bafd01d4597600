import { createPrivateKey, X509Certificate } from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared/errors';
import * as pkijs from 'pkijs';
import { createKeySigner } from './key-signer';
import { findIssuer, parseCertificate, parseDer, toArrayBuffer } from './pki';
import type { SealSigner } from './seal-signer';

const OID_KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const OID_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3';

type ShroudedBag = { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> };
type Pkcs12Contents = { keyDer: Uint8Array; certificates: Uint8Array[] };

/**
 * A signer from a PKCS#12 (.p12/.pfx) file. Supports the PBES2/AES files OpenSSL 3 writes by default
 * (WebCrypto has no RC2 or 3DES, so `-legacy` files must be re-exported). The chain is ordered leaf first.
 */
export async function loadPkcs12Signer(p12: Uint8Array, password: string): Promise<SealSigner> {
  let contents: Pkcs12Contents;
  try {
    contents = await readPkcs12(p12, password);
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError(AppErrorCode.INVALID_CONFIG, {
      message: 'the PKCS#12 file cannot be read (wrong password, or a legacy RC2/3DES file)',
      cause,
    });
  }
  const key = createPrivateKey({ key: Buffer.from(contents.keyDer), format: 'der', type: 'pkcs8' });
  const leaf = contents.certificates.find((der) => new X509Certificate(der).checkPrivateKey(key));
  if (!leaf) throw new AppError(AppErrorCode.INVALID_CONFIG, { message: 'the PKCS#12 has no certificate for its key' });
  return createKeySigner(key, orderChain(leaf, contents.certificates));
}

async function readPkcs12(p12: Uint8Array, password: string): Promise<Pkcs12Contents> {
  const secret = toArrayBuffer(new Uint8Array(Buffer.from(password, 'utf8')));
  const pfx = new pkijs.PFX({ schema: parseDer(p12, 'PKCS#12') });
  await pfx.parseInternalValues({ password: secret, checkIntegrity: true });
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new AppError(AppErrorCode.INVALID_CONFIG, { message: 'the PKCS#12 has no content' });
  await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: secret })) });
  const parsed = safe.parsedValue as { safeContents?: Array<{ value: pkijs.SafeContents }> } | undefined;
  const bags: pkijs.SafeBag[] = (parsed?.safeContents ?? []).flatMap((content) => content.value.safeBags);
  let keyDer: Uint8Array | undefined;
  const certificates: Uint8Array[] = [];
  for (const bag of bags) {
    if (bag.bagId === OID_SHROUDED_KEY_BAG) {
      const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
      // parseInternalValues is declared protected in pkijs 3 but is its documented way to decrypt a key bag.
      await (shrouded as unknown as ShroudedBag).parseInternalValues({ password: secret });
      keyDer = new Uint8Array(shrouded.parsedValue!.toSchema().toBER(false));
    } else if (bag.bagId === OID_KEY_BAG) {
      keyDer = new Uint8Array((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false));
    } else if (bag.bagId === OID_CERT_BAG) {
      const cert = (bag.bagValue as pkijs.CertBag).parsedValue as pkijs.Certificate | undefined;
      if (cert instanceof pkijs.Certificate) certificates.push(new Uint8Array(cert.toSchema().toBER(false)));
    }
  }
  if (!keyDer) throw new AppError(AppErrorCode.INVALID_CONFIG, { message: 'the PKCS#12 has no private key' });
  return { keyDer, certificates };
}

/** Leaf, then its issuer, then that one's issuer, as far as the bundle goes. */
function orderChain(leaf: Uint8Array, all: Uint8Array[]): Uint8Array[] {
  const pool = all.map((der) => ({ der, cert: parseCertificate(der) }));
  const chain = [leaf];
  let current = parseCertificate(leaf);
  while (chain.length < pool.length) {
    const issuer = findIssuer(
      current,
      pool.map((p) => p.cert),
    );
    const entry = pool.find((p) => p.cert === issuer);
    if (!entry || current.subject.isEqual(current.issuer)) break;
    chain.push(entry.der);
    current = entry.cert;
  }
  return chain;
}
