import type { SigningMessageKey } from '@signet/shared';
import { h } from '../common/dom';
import type { RecipientView } from '../common/recipient-api';
import { renderFrame } from './layout';
import type { PageContext } from './page-context';

/** Why a valid link has nothing to do, as a message key; undefined when the recipient may act. */
export function endedReasonOf(view: RecipientView): SigningMessageKey | undefined {
  // Someone who declined is told so, not that "someone" declined.
  if (view.you.status === 'DECLINED') return 'endedDECLINED_BY_YOU';
  if (view.status !== 'PENDING') return `ended${view.status}` as SigningMessageKey;
  if (view.finalising) return 'endedFINALISING';
  if (view.actions.length > 0) return undefined;
  switch (view.you.status) {
    case 'SIGNED':
      return 'endedSIGNED';
    case 'APPROVED':
      return 'endedAPPROVED';
    case 'DELEGATED':
      return 'endedDELEGATED';
    case 'WAITING':
      return 'endedWAITING';
    default:
      return 'endedNO_ACTION';
  }
}

/** The message key for a link the API refused outright (forged, replaced, gone). */
export function endedReasonOfCode(code: string): SigningMessageKey | undefined {
  const keys: Record<string, SigningMessageKey> = {
    INVALID_TOKEN: 'endedINVALID_TOKEN',
    UNKNOWN_RECIPIENT: 'endedUNKNOWN_RECIPIENT',
    ENVELOPE_NOT_FOUND: 'endedENVELOPE_NOT_FOUND',
    ENVELOPE_EXPIRED: 'endedEXPIRED',
    ENVELOPE_CANCELLED: 'endedCANCELLED',
    ENVELOPE_COMPLETED: 'endedCOMPLETED',
    ENVELOPE_DECLINED: 'endedDECLINED',
  };
  return keys[code];
}

/** A clear page for a link that cannot be used now, saying what happens next. */
export function renderEnded(ctx: PageContext, reason: SigningMessageKey, view?: RecipientView): void {
  const { t } = ctx.i18n;
  const heading = reason === 'endedINVALID_TOKEN' ? t('invalidHeading') : view ? view.subject : t('endedHeading');
  renderFrame(
    ctx,
    h(
      'section',
      { class: 'state ended', 'data-state': 'ended', 'data-reason': reason },
      h('h1', {}, heading),
      view ? h('p', { class: 'from' }, t('fromSender', { sender: view.sender.name })) : null,
      h('p', { class: 'notice' }, t(reason)),
    ),
  );
}
