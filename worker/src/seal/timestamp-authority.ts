import type { DigestAlgorithm } from './seal-signer';

/**
 * An RFC 3161 time-stamping authority, as a port. Returns the DER TimeStampToken (a CMS ContentInfo)
 * whose imprint is `digest`. Fails with TSA_UNAVAILABLE.
 */
export interface TimestampAuthority {
  timestamp(digest: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array>;
}
