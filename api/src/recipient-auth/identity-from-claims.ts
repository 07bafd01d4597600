import type { TVerifiedIdentity } from '@signet/shared';
import { AppError, AppErrorCode, normaliseEmail } from '@signet/shared';
import type { JWTPayload } from '../auth/jose';
import { hashNationalId, maskNationalId } from './mask-national-id';
import type { RecipientAccess } from './recipient-access';

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim().slice(0, max) : undefined;
}

function mismatch(message: string): AppError {
  return new AppError(AppErrorCode.IDENTITY_MISMATCH, { message });
}

/**
 * Microsoft sign-in proves the invited address: the id_token's `email` (or `preferred_username`, Entra's
 * sign-in name) must equal it, case-insensitively; IDENTITY_MISMATCH otherwise.
 */
export function microsoftIdentity(access: RecipientAccess, claims: JWTPayload): TVerifiedIdentity {
  const candidates = [text(claims.email, 254), text(claims.preferred_username, 254)].filter(
    (value): value is string => value !== undefined,
  );
  const invited = normaliseEmail(access.recipient.email);
  const email = candidates.find((candidate) => normaliseEmail(candidate) === invited);
  if (!email) throw mismatch('the Microsoft account is not the invited address');
  const name = text(claims.name, 200);
  return { issuer: String(claims.iss).slice(0, 500), ...(name ? { name } : {}), email };
}

/**
 * Strong authentication proves a person: a name and a national identity number (claim `nationalIdClaim`)
 * are required (IDENTITY_MISMATCH without them). The number leaves here only masked and as a SHA-256 of
 * `<envelopeId>:<number>`, and only when the sender asked to record it.
 */
export function strongIdentity(
  access: RecipientAccess,
  claims: JWTPayload,
  nationalIdClaim: string,
): TVerifiedIdentity {
  const joined = [text(claims.given_name, 100), text(claims.family_name, 100)].filter(Boolean).join(' ');
  const name = text(claims.name, 200) ?? (joined || undefined);
  const nationalId = text(claims[nationalIdClaim], 64);
  if (!name || !nationalId) throw mismatch('the identity provider gave no name or national identity number');
  return {
    issuer: String(claims.iss).slice(0, 500),
    name,
    ...(access.requirements.recordNationalId
      ? {
          nationalIdMasked: maskNationalId(nationalId),
          nationalIdSha256: hashNationalId(access.link.envelopeId, nationalId),
        }
      : {}),
  };
}
