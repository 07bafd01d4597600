import { AppError, AppErrorCode } from '@signet/shared';
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
  for (const certificate of unique) {
    if (isSelfIssued(certificate)) continue;
    const issuer = findIssuer(certificate, unique);
    if (!issuer) {
      throw new AppError(AppErrorCode.REVOCATION_UNAVAILABLE, { message: 'a certificate has no issuer in its chain' });
    }
    const der = certificateDer(certificate);
    const ocsp = await revocation.fetchOcsp(der, certificateDer(issuer)).catch(() => undefined);
    if (ocsp) {
      data.ocspResponses.push(ocsp);
      continue;
    }
    const crls = await revocation.fetchCrls(der);
    if (crls.length === 0) {
      throw new AppError(AppErrorCode.REVOCATION_UNAVAILABLE, {
        message: 'no OCSP responder and no CRL for a certificate',
      });
    }
    data.crls.push(...crls);
  }
  return data;
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
