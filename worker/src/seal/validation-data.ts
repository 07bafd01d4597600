import { AppError, AppErrorCode } from '@signet/shared/errors';
import type * as pkijs from 'pkijs';
import type { ValidationData } from './dss-revision';
import { certificateDer, findIssuer, isSelfIssued, sha256 } from './pki';
import type { RevocationSource } from './revocation-source';

/**
 * Collects B-LT material for every certificate in `certificates` (seal chain and TSA chain): the
 * certificates themselves, and for each one that is not self-issued an OCSP response, or CRLs when no
 * OCSP answer is available. A certificate without any revocation data fails with REVOCATION_UNAVAILABLE:
 * a B-LT seal that validators downgrade is worse than a retry.
 */
export async function collectValidationData(
  certificates: pkijs.Certificate[],
  revocation: RevocationSource,
): Promise<ValidationData> {
  // The seal chain and the TSA chain usually share their CA certificates: ask once per certificate, so the
  // DSS does not carry two OCSP responses for the same intermediate.
  const unique = uniqueCertificates(certificates);
  const data: ValidationData = { certificates: unique.map(certificateDer), ocspResponses: [], crls: [] };
  // The certificates are independent: ask for all of them at once (one round trip instead of one per certificate),
  // and keep the answers in certificate order so the DSS is the same whatever answers first.
  const answers = await Promise.all(
    unique.filter((certificate) => !isSelfIssued(certificate)).map((c) => revocationOf(c, unique, revocation)),
  );
  for (const answer of answers) {
    if (answer.ocsp) data.ocspResponses.push(answer.ocsp);
    else data.crls.push(...answer.crls);
  }
  return data;
}

async function revocationOf(
  certificate: pkijs.Certificate,
  pool: pkijs.Certificate[],
  revocation: RevocationSource,
): Promise<{ ocsp?: Uint8Array; crls: Uint8Array[] }> {
  const issuer = findIssuer(certificate, pool);
  if (!issuer) {
    throw new AppError(AppErrorCode.REVOCATION_UNAVAILABLE, { message: 'a certificate has no issuer in its chain' });
  }
  const der = certificateDer(certificate);
  const ocsp = await revocation.fetchOcsp(der, certificateDer(issuer)).catch(() => undefined);
  if (ocsp) return { ocsp, crls: [] };
  const crls = await revocation.fetchCrls(der);
  if (crls.length === 0) {
    throw new AppError(AppErrorCode.REVOCATION_UNAVAILABLE, {
      message: 'no OCSP responder and no CRL for a certificate',
    });
  }
  return { crls };
}

function uniqueCertificates(certificates: pkijs.Certificate[]): pkijs.Certificate[] {
  const seen = new Set<string>();
  return certificates.filter((certificate) => {
    const hash = sha256(certificateDer(certificate)).toString('hex');
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}
