import type { TSignRequest } from '@signet/shared';
import { AppError, AppErrorCode, SignatureKind } from '@signet/shared';
import { checkSignatureImage } from './check-signature-image';

/**
 * The signing page's rules, checked by the server: `consent: true` (CONSENT_REQUIRED); TYPED needs
 * `signatureText` (VALIDATION_FAILED); DRAWN and UPLOADED need a valid `signatureImagePng`
 * (INVALID_SIGNATURE_IMAGE), and a TYPED signature carries no image.
 */
export function checkSignRequest(body: TSignRequest): void {
  if (body.consent !== true) {
    throw new AppError(AppErrorCode.CONSENT_REQUIRED, { details: { field: 'consent' } });
  }
  if (body.signatureKind === SignatureKind.TYPED) {
    if (!body.signatureText) {
      throw new AppError(AppErrorCode.VALIDATION_FAILED, {
        message: 'a typed signature needs signatureText',
        details: { field: 'signatureText' },
      });
    }
    if (body.signatureImagePng !== undefined) {
      throw new AppError(AppErrorCode.VALIDATION_FAILED, {
        message: 'a typed signature has no image; use signatureKind DRAWN or UPLOADED',
        details: { field: 'signatureImagePng' },
      });
    }
    return;
  }
  if (!body.signatureImagePng) {
    throw new AppError(AppErrorCode.INVALID_SIGNATURE_IMAGE, {
      message: `a ${body.signatureKind.toLowerCase()} signature needs signatureImagePng`,
      details: { field: 'signatureImagePng' },
    });
  }
  checkSignatureImage(body.signatureImagePng);
}
