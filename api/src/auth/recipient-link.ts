import type { TRecipientCredential } from '@signet/shared';
import { AuthMethod } from '@signet/shared';
import { verifyRecipientToken } from '@signet/shared/node';
import type { ApiContext } from '../context';

/** A verified invitation link: which envelope, and the credential the workflow checks. */
export type RecipientLink = { envelopeId: string; credential: TRecipientCredential };

/**
 * Verifies a link token (INVALID_TOKEN when malformed or forged). The token only proves that Signet minted
 * it; whether the slot may still act is the workflow's decision, so a replaced recipient's link fails there.
 */
export function readRecipientLink(ctx: ApiContext, token: string): RecipientLink {
  const claims = verifyRecipientToken(ctx.linkSecret, token);
  return {
    envelopeId: claims.envelopeId,
    credential: { recipientId: claims.recipientId, recipientKey: claims.recipientKey, authMethod: AuthMethod.LINK },
  };
}
