import { AppError, AppErrorCode } from '@signet/shared/errors';
import * as pkijs from 'pkijs';
import { crlUrls, ocspUrls } from './certificate-urls';
import { fetchDer } from './http-der';
import { parseCertificate, parseDer } from './pki';
import type { RevocationSource } from './revocation-source';

export type HttpRevocationSourceOptions = {
  /** Per request; default 10 s. */
  timeoutMs?: number;
};

/**
 * OCSP (POST `application/ocsp-request`, SHA-1 CertID as RFC 6960 responders expect) to the first AIA
 * responder, and CRLs (GET) from the CRL distribution points.
 */
export function createHttpRevocationSource(options: HttpRevocationSourceOptions = {}): RevocationSource {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    fetchOcsp: async (certificateDer, issuerDer) => {
      const certificate = parseCertificate(certificateDer);
      const [url] = ocspUrls(certificate);
      if (!url) return undefined;
      const request = new pkijs.OCSPRequest();
      await request.createForCertificate(certificate, {
        hashAlgorithm: 'SHA-1',
        issuerCertificate: parseCertificate(issuerDer),
      });
      const answer = await fetchDer(url, {
        body: new Uint8Array(request.toSchema(true).toBER(false)),
        contentType: 'application/ocsp-request',
        timeoutMs,
        errorCode: AppErrorCode.REVOCATION_UNAVAILABLE,
        maxBytes: 1024 * 1024,
      });
      checkOcspResponse(answer, url);
      return answer;
    },
    fetchCrls: async (certificateDer) => {
      const urls = crlUrls(parseCertificate(certificateDer));
      const crls: Uint8Array[] = [];
      for (const url of urls) {
        const der = await fetchDer(url, { timeoutMs, errorCode: AppErrorCode.REVOCATION_UNAVAILABLE });
        checkCrl(der, url);
        crls.push(der);
      }
      return crls;
    },
  };
}

/** The response must be `successful` with a basic response; anything else is no revocation data. */
function checkOcspResponse(der: Uint8Array, url: string): void {
  let response: pkijs.OCSPResponse;
  try {
    response = new pkijs.OCSPResponse({ schema: parseDer(der, 'OCSP response') });
  } catch (cause) {
    throw new AppError(AppErrorCode.REVOCATION_UNAVAILABLE, { message: `not an OCSP response (${url})`, cause });
  }
  const status = response.responseStatus.valueBlock.valueDec;
  if (status !== 0 || !response.responseBytes) {
    throw new AppError(AppErrorCode.REVOCATION_UNAVAILABLE, {
      message: `OCSP responder answered status ${status} (${url})`,
    });
  }
}

function checkCrl(der: Uint8Array, url: string): void {
  try {
    new pkijs.CertificateRevocationList({ schema: parseDer(der, 'CRL') });
  } catch (cause) {
    throw new AppError(AppErrorCode.REVOCATION_UNAVAILABLE, { message: `not a DER CRL (${url})`, cause });
  }
}
