import type {
  AuthMethod,
  EnvelopeStatus,
  Locale,
  RecipientAuthentication,
  RecipientRole,
  RecipientStatus,
  TEnvelopeView,
  TRecipientView,
} from '@signet/shared';
import { AppError, AppErrorCode, EnvelopeStatus as Status, isActingRole, RecipientRole as Role } from '@signet/shared';

/** What a recipient may do through their link right now. */
export type RecipientActionName = 'sign' | 'approve' | 'decline' | 'delegate';

/** One routing step, without naming anyone in it. */
export type RoutingGroup = {
  routingOrder: number;
  state: 'DONE' | 'CURRENT' | 'UPCOMING';
  acted: number;
  required: number;
};

/**
 * The envelope as one recipient may see it: no other recipient's address, no audit trail, no link keys.
 */
export type RecipientEnvelopeView = {
  envelopeId: string;
  subject: string;
  message?: string;
  sender: { name: string };
  documents: Array<{ index: number; name: string }>;
  expiresAt: string;
  status: EnvelopeStatus;
  finalising: boolean;
  allowDelegation: boolean;
  you: {
    id: string;
    name: string;
    email: string;
    role: RecipientRole;
    status: RecipientStatus;
    routingOrder: number;
    onBehalfOf?: string;
    invitedAt?: string;
    viewedAt?: string;
    actedAt?: string;
  };
  turn: { currentRoutingOrder?: number; yours: boolean; groups: RoutingGroup[] };
  actions: RecipientActionName[];
  /** What the sender asked this recipient to prove, and how this request proved it. */
  authentication: RecipientAuthenticationView;
  locale: Locale;
};

/** The recipient's authentication as the signing page shows it. */
export type RecipientAuthenticationView = {
  required: RecipientAuthentication;
  method: AuthMethod;
  providerName?: string;
};

function routingGroups(view: TEnvelopeView): RoutingGroup[] {
  const current = view.currentRoutingOrder;
  const counting = view.recipients.filter((r) => isActingRole(r.role) && r.status !== 'DELEGATED');
  const orders = [...new Set(counting.map((r) => r.routingOrder))].sort((a, b) => a - b);
  return orders.map((routingOrder) => {
    const members = counting.filter((r) => r.routingOrder === routingOrder);
    const acted = members.filter((r) => r.status === 'SIGNED' || r.status === 'APPROVED').length;
    const state =
      current === undefined || routingOrder < current ? 'DONE' : routingOrder === current ? 'CURRENT' : 'UPCOMING';
    return { routingOrder, state, acted, required: members.length };
  });
}

function availableActions(view: TEnvelopeView, recipient: TRecipientView): RecipientActionName[] {
  if (view.status !== Status.PENDING || view.finalising || recipient.status !== 'PENDING') return [];
  if (!isActingRole(recipient.role)) return [];
  const main: RecipientActionName = recipient.role === Role.SIGNER ? 'sign' : 'approve';
  return view.allowDelegation ? [main, 'decline', 'delegate'] : [main, 'decline'];
}

/**
 * The recipient `recipientId` of the envelope; UNKNOWN_RECIPIENT once they were removed or replaced (a
 * replacement gets a new id, so an old link's id is gone).
 */
export function findRecipient(view: TEnvelopeView, recipientId: string): TRecipientView {
  const recipient = view.recipients.find((r) => r.id === recipientId);
  if (!recipient) throw new AppError(AppErrorCode.UNKNOWN_RECIPIENT);
  return recipient;
}

/** Cuts the sender's view down to what `recipientId` may see. */
export function toRecipientView(
  view: TEnvelopeView,
  recipientId: string,
  authentication: RecipientAuthenticationView,
  locale: Locale,
): RecipientEnvelopeView {
  const recipient = findRecipient(view, recipientId);
  const { id, name, email, role, status, routingOrder, onBehalfOf, invitedAt, viewedAt, actedAt } = recipient;
  return {
    envelopeId: view.envelopeId,
    subject: view.subject,
    ...(view.message !== undefined ? { message: view.message } : {}),
    sender: { name: view.sender.name },
    documents: view.documents.map((d, index) => ({ index, name: d.name })),
    expiresAt: view.expiresAt,
    status: view.status,
    finalising: view.finalising,
    allowDelegation: view.allowDelegation,
    you: {
      id,
      name,
      email,
      role,
      status,
      routingOrder,
      ...(onBehalfOf ? { onBehalfOf } : {}),
      ...(invitedAt ? { invitedAt } : {}),
      ...(viewedAt ? { viewedAt } : {}),
      ...(actedAt ? { actedAt } : {}),
    },
    turn: {
      ...(view.currentRoutingOrder !== undefined ? { currentRoutingOrder: view.currentRoutingOrder } : {}),
      yours: recipient.status === 'PENDING' && view.status === Status.PENDING,
      groups: routingGroups(view),
    },
    actions: availableActions(view, recipient),
    authentication,
    locale,
  };
}
