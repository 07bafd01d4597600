import type { AppErrorCode, TRecipientEnvelopeView } from '@signet/shared';
import { isAppErrorCode } from '@signet/shared';

// The page's only way to the server: the recipient API under /api/v1/recipient/:token, with the recipient's
// session (when the slot asked for more than the link) as the X-Signet-Session header — never a cookie.

/** A refusal from the API, by its catalogue code; the page shows localised text per code, never the body. */
export class RecipientApiError extends Error {
  constructor(
    readonly code: AppErrorCode | 'NETWORK' | 'UNKNOWN',
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'RecipientApiError';
  }
}

export type RecipientAuthentication = {
  required: 'LINK' | 'EMAIL_OTP' | 'MICROSOFT' | 'STRONG';
  method?: string;
};
export type RecipientView = TRecipientEnvelopeView & { authentication?: RecipientAuthentication };
export type OtpSent = { sentTo: string; expiresAt: string; resendAfter?: string };
export type OtpVerified = { session: string; expiresAt: string; method: string };
export type SignBody = {
  signatureKind: 'TYPED' | 'DRAWN' | 'UPLOADED';
  signatureText?: string;
  signatureImagePng?: string;
  onBehalfOf?: string;
  consent: boolean;
};
export type DelegateBody = { name: string; email: string; reason?: string };

/** The recipient routes for one link token. */
export interface RecipientApi {
  base: string;
  sessionHeaders: () => Record<string, string>;
  view: () => Promise<RecipientView>;
  sendOtp: () => Promise<OtpSent>;
  verifyOtp: (code: string) => Promise<OtpVerified>;
  sign: (body: SignBody) => Promise<RecipientView>;
  approve: () => Promise<RecipientView>;
  decline: (reason: string) => Promise<RecipientView>;
  delegate: (body: DelegateBody) => Promise<RecipientView>;
  documentUrl: (index: number) => string;
  oidcStartUrl: () => string;
  downloadDocument: (index: number) => Promise<Blob>;
}

async function errorFrom(response: Response): Promise<RecipientApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; details?: Record<string, unknown> } };
    const code = body.error?.code;
    if (isAppErrorCode(code)) return new RecipientApiError(code, response.status, body.error?.details ?? {});
  } catch {
    // Not JSON (a proxy's error page): fall through to UNKNOWN.
  }
  return new RecipientApiError('UNKNOWN', response.status);
}

/** The recipient API for one link token; `session()` is read on every call (it appears after sign-in). */
export function createRecipientApi(token: string, session: () => string | undefined): RecipientApi {
  const base = `/api/v1/recipient/${encodeURIComponent(token)}`;
  const headers = (json: boolean): Record<string, string> => {
    const value = session();
    return { ...(json ? { 'Content-Type': 'application/json' } : {}), ...(value ? { 'X-Signet-Session': value } : {}) };
  };

  async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: headers(init.body !== undefined),
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new RecipientApiError('NETWORK', 0);
    }
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }

  return {
    base,
    sessionHeaders: (): Record<string, string> => headers(false),
    view: () => call<RecipientView>(''),
    sendOtp: () => call<OtpSent>('/otp', { method: 'POST', body: {} }),
    verifyOtp: (code: string) => call<OtpVerified>('/otp/verify', { method: 'POST', body: { code } }),
    sign: (body: SignBody) => call<RecipientView>('/sign', { method: 'POST', body }),
    approve: () => call<RecipientView>('/approve', { method: 'POST', body: {} }),
    decline: (reason: string) => call<RecipientView>('/decline', { method: 'POST', body: { reason } }),
    delegate: (body: DelegateBody) => call<RecipientView>('/delegate', { method: 'POST', body }),
    documentUrl: (index: number): string => `${base}/documents/${index}?disposition=inline`,
    oidcStartUrl: (): string => `${base}/oidc/start`,
    /** The document as a blob (for the download button): the session travels as a header, not in the URL. */
    downloadDocument: async (index: number): Promise<Blob> => {
      let response: Response;
      try {
        response = await fetch(`${base}/documents/${index}`, { headers: headers(false), credentials: 'omit' });
      } catch {
        throw new RecipientApiError('NETWORK', 0);
      }
      if (!response.ok) throw await errorFrom(response);
      return response.blob();
    },
  };
}
