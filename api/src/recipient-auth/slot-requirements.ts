import { z } from 'zod';
import type { Locale, TRecipientView } from '@signet/shared';
import { DEFAULT_LOCALE, LOCALES, RECIPIENT_AUTHENTICATIONS, RecipientAuthentication } from '@signet/shared';

// The status view carries each slot's requirements (the workflow copies the slot into it), but its schema
// does not name them yet; they are read here through their own schema, never trusted as typed.
const ZSlotRequirementsSchema = z.object({
  authentication: z.enum(RECIPIENT_AUTHENTICATIONS).optional(),
  recordNationalId: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
});

/** What the sender asked of one recipient: how they must prove themselves, and in which language. */
export type SlotRequirements = {
  authentication: RecipientAuthentication;
  recordNationalId: boolean;
  locale: Locale;
};

export function slotRequirementsOf(recipient: TRecipientView): SlotRequirements {
  const parsed = ZSlotRequirementsSchema.safeParse(recipient);
  const slot = parsed.success ? parsed.data : {};
  return {
    authentication: slot.authentication ?? RecipientAuthentication.LINK,
    recordNationalId: slot.recordNationalId ?? false,
    locale: slot.locale ?? DEFAULT_LOCALE,
  };
}

/** `jane@example.com` → `j•••@example.com`: enough to recognise one's own address, not to learn someone's. */
export function emailHintOf(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}
