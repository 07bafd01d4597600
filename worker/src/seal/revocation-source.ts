/**
 * Where B-LT revocation data comes from, as a port. Both methods take DER certificates and return DER:
 * a complete OCSPResponse, and CRLs. Either may return nothing when the certificate names no responder
 * or distribution point. Failures are REVOCATION_UNAVAILABLE.
 */
export interface RevocationSource {
  fetchOcsp(certificate: Uint8Array, issuer: Uint8Array): Promise<Uint8Array | undefined>;
  fetchCrls(certificate: Uint8Array): Promise<Uint8Array[]>;
}
