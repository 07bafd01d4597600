import { z } from 'zod';
import { RECIPIENT_AUTHENTICATIONS } from '../domain/vocabulary';
import { LOCALES } from '../i18n/locale';
import { ZIsoDateTimeSchema } from './common';

// Recipient authentication beyond the link (decision 0014): one-time codes and the session the signing page
// sends back in `X-Signet-Session`.

/** `details` of a 401 AUTHENTICATION_REQUIRED on a recipient route: what to ask the recipient for. */
export const ZAuthenticationRequiredDetailsSchema = z.strictObject({
  method: z.enum(RECIPIENT_AUTHENTICATIONS),
  /** The invited address, hinted (`j•••@example.com`). */
  emailHint: z.string(),
  senderName: z.string(),
  locale: z.enum(LOCALES),
});
export type TAuthenticationRequiredDetails = z.infer<typeof ZAuthenticationRequiredDetailsSchema>;

/** `POST /api/v1/recipient/:token/otp` answer. */
export const ZOtpSentSchema = z.strictObject({
  sentTo: z.string(),
  expiresAt: ZIsoDateTimeSchema,
  /** No new code before this instant. */
  resendAfter: ZIsoDateTimeSchema,
});
export type TOtpSent = z.infer<typeof ZOtpSentSchema>;

/** `POST /api/v1/recipient/:token/otp` body (empty). */
export const ZOtpSendRequestSchema = z.strictObject({});

/** `POST /api/v1/recipient/:token/otp/verify` body. */
export const ZOtpVerifyRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});
export type TOtpVerifyRequest = z.infer<typeof ZOtpVerifyRequestSchema>;

/** A recipient session: send `session` as `X-Signet-Session` on every recipient call until `expiresAt`. */
export const ZRecipientSessionSchema = z.strictObject({
  session: z.string(),
  expiresAt: ZIsoDateTimeSchema,
  method: z.literal('EMAIL_OTP'),
});
export type TRecipientSession = z.infer<typeof ZRecipientSessionSchema>;
