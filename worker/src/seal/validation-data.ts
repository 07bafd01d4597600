import { AppError, AppErrorCode } from '@signet/shared';
import type * as pkijs from 'pkijs';
import type { ValidationData } from './dss-revision';
import { certificateDer, findIssuer, isSelfIssued } from './pki';
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
  const data: ValidationData = { certificates: certificates.map(certificateDer), ocspResponses: [], crls: [] };
  for (const certificate of certificates) {
    if (isSelfIssued(certificate)) continue;
    const issuer = findIssuer(certificate, certificates);
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
