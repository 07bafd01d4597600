import type { TEnvelopeView } from '@signet/shared';
import type { RecipientEnvelopeView } from '../views/recipient-view';
import { toRecipientView } from '../views/recipient-view';
import type { AuthenticatedRecipient } from './authenticate-recipient';

/**
 * The recipient's view of `view` (the envelope now, or as an action left it), with how they proved
 * themselves. `providerName` names the strong-authentication provider for the page's button.
 */
export function recipientViewOf(
  recipient: AuthenticatedRecipient,
  view: TEnvelopeView,
  strongProviderName: string | undefined,
): RecipientEnvelopeView {
  const { requirements, credential } = recipient;
  return toRecipientView(
    view,
    credential.recipientId,
    {
      required: requirements.authentication,
      method: credential.authMethod,
      ...(requirements.authentication === 'STRONG' && strongProviderName ? { providerName: strongProviderName } : {}),
    },
    requirements.locale,
  );
}
