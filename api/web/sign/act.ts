import { RecipientApiError } from '../common/recipient-api';
import type { RecipientView } from '../common/recipient-api';
import type { DoneKind, PageContext } from './page-context';

// Codes after which the form is pointless: the link's state changed under the recipient (someone declined,
// the sender cancelled, the deadline passed, they acted in another tab). The page reloads into that state.
const STATE_CHANGED = new Set([
  'ENVELOPE_EXPIRED',
  'ENVELOPE_CANCELLED',
  'ENVELOPE_COMPLETED',
  'ENVELOPE_DECLINED',
  'ALREADY_ACTED',
  'NOT_YOUR_TURN',
  'UNKNOWN_RECIPIENT',
  'AUTHENTICATION_REQUIRED',
]);

/** Sends an action; on success shows the confirmation, on a refusal shows its localised text in `showError`. */
export async function act(
  ctx: PageContext,
  kind: DoneKind,
  send: () => Promise<RecipientView>,
  showError: (text: string) => void,
  detail?: string,
): Promise<void> {
  try {
    const view = await send();
    ctx.done(kind, view, detail);
  } catch (thrown) {
    const error = thrown instanceof RecipientApiError ? thrown : new RecipientApiError('UNKNOWN', 0);
    if (STATE_CHANGED.has(error.code)) {
      await ctx.reload();
      return;
    }
    showError(ctx.i18n.error(error));
  }
}
