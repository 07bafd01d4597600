/** Digest algorithms the seal supports. SHA-256 is what PAdES baseline validators expect today. */
export type DigestAlgorithm = 'SHA-256';

/** The key algorithm behind a signer; it selects the CMS signature algorithm identifier. */
export type SealKeyType = 'RSA' | 'EC';

/**
 * The platform seal key, as a port: the sealing code never touches key material. File-based keys
 * (PKCS#12, PEM) implement it with node:crypto today; an HSM or cloud key vault implements it later
 * by signing remotely.
 */
export interface SealSigner {
  /** DER certificates, the seal certificate first, then intermediates (a root may follow). */
  readonly certificateChain: readonly Uint8Array[];
  readonly keyType: SealKeyType;
  /**
   * Signs `data` (the DER of the CMS signed attributes) and returns the raw signature value:
   * PKCS#1 v1.5 for RSA, a DER `ECDSA-Sig-Value` for EC. Fails with SEAL_FAILED.
   */
  sign(data: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array>;
}
