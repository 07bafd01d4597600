/**
 * The one error catalogue. Errors cross process boundaries as these codes: as `ApplicationFailure.type`
 * between activities, workflows and clients, and as `error.code` in HTTP responses and CLI `--json` output.
 */
export const AppErrorCode = {
  /** Thrown when a request body or argument fails schema validation. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** Thrown when a duration string such as `14d` cannot be parsed. */
  INVALID_DURATION: 'INVALID_DURATION',
  /** Thrown when an envelope is sent with no recipient. */
  NO_RECIPIENTS: 'NO_RECIPIENTS',
  /** Thrown when no recipient is a SIGNER or APPROVER, so nobody would ever act. */
  NO_ACTING_RECIPIENT: 'NO_ACTING_RECIPIENT',
  /** Thrown when the same e-mail address appears twice among the recipients. */
  DUPLICATE_RECIPIENT: 'DUPLICATE_RECIPIENT',
  /** Thrown when an e-mail address is not valid. */
  INVALID_EMAIL: 'INVALID_EMAIL',
  /** Thrown when a deadline is not in the future. */
  DEADLINE_IN_PAST: 'DEADLINE_IN_PAST',
  /** Thrown when an extension would not move the deadline later. */
  DEADLINE_NOT_LATER: 'DEADLINE_NOT_LATER',
  /** Thrown when a file or library document does not exist. */
  DOCUMENT_NOT_FOUND: 'DOCUMENT_NOT_FOUND',
  /** Thrown when a document is not a PDF (by content, whatever its name). */
  NOT_A_PDF: 'NOT_A_PDF',
  /** Thrown when a document is empty, corrupt or cannot be parsed. */
  INVALID_DOCUMENT: 'INVALID_DOCUMENT',
  /** Thrown when a document is larger than the configured limit. */
  DOCUMENT_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  /** Thrown when a library path escapes the library or is otherwise unsafe. */
  INVALID_DOCUMENT_PATH: 'INVALID_DOCUMENT_PATH',
  /** Thrown when a document is already part of a pending envelope. */
  DOCUMENT_IN_ENVELOPE: 'DOCUMENT_IN_ENVELOPE',
  /** Thrown when no envelope has the given id. */
  ENVELOPE_NOT_FOUND: 'ENVELOPE_NOT_FOUND',
  /** Thrown when an envelope with the given id already exists. */
  ENVELOPE_EXISTS: 'ENVELOPE_EXISTS',
  /** Thrown when the recipient is not (or no longer) part of the envelope. */
  UNKNOWN_RECIPIENT: 'UNKNOWN_RECIPIENT',
  /** Thrown when a recipient acts before their routing group's turn. */
  NOT_YOUR_TURN: 'NOT_YOUR_TURN',
  /** Thrown when a recipient has already signed, approved, declined or delegated. */
  ALREADY_ACTED: 'ALREADY_ACTED',
  /** Thrown when the action does not fit the recipient's role (an approver signing, a CC declining). */
  WRONG_ROLE: 'WRONG_ROLE',
  /** Thrown when acting on an envelope that has expired. */
  ENVELOPE_EXPIRED: 'ENVELOPE_EXPIRED',
  /** Thrown when acting on an envelope that was cancelled. */
  ENVELOPE_CANCELLED: 'ENVELOPE_CANCELLED',
  /** Thrown when acting on an envelope that is completed or being completed. */
  ENVELOPE_COMPLETED: 'ENVELOPE_COMPLETED',
  /** Thrown when acting on an envelope that a recipient declined. */
  ENVELOPE_DECLINED: 'ENVELOPE_DECLINED',
  /** Thrown when a decline or cancel carries no reason. */
  REASON_REQUIRED: 'REASON_REQUIRED',
  /** Thrown when delegating on an envelope that does not allow it. */
  DELEGATION_NOT_ALLOWED: 'DELEGATION_NOT_ALLOWED',
  /** Thrown when a change would leave the envelope with no recipient who must act. */
  LAST_ACTING_RECIPIENT: 'LAST_ACTING_RECIPIENT',
  /** Thrown when a recipient is added to a routing group that has already finished. */
  ROUTING_ORDER_PASSED: 'ROUTING_ORDER_PASSED',
  /** Thrown when a recipient token is malformed, forged or no longer valid. */
  INVALID_TOKEN: 'INVALID_TOKEN',
  /** Thrown when a request lacks valid sender credentials. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Thrown when the caller may not do this to this envelope. */
  FORBIDDEN: 'FORBIDDEN',
  /** Thrown when an upload or body is larger than allowed. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** Thrown when the document library cannot be written (permissions, locked file). */
  LIBRARY_UNAVAILABLE: 'LIBRARY_UNAVAILABLE',
  /** Thrown when the mail server refuses a message permanently. */
  MAIL_REJECTED: 'MAIL_REJECTED',
  /** Thrown when the Temporal server cannot be reached. */
  ENGINE_UNAVAILABLE: 'ENGINE_UNAVAILABLE',
  /** Thrown when configuration is missing or invalid at start-up. */
  INVALID_CONFIG: 'INVALID_CONFIG',
  /** Thrown when the API cannot be reached or answers with something unexpected (CLI). */
  API_UNAVAILABLE: 'API_UNAVAILABLE',
  /** Thrown when a PDF cannot be sealed: unsupported structure, a signer fault, or a signature too large for its placeholder. */
  SEAL_FAILED: 'SEAL_FAILED',
  /** Thrown when the RFC 3161 timestamp authority cannot be reached, times out, or answers with a refusal or a wrong imprint. */
  TSA_UNAVAILABLE: 'TSA_UNAVAILABLE',
  /** Thrown when OCSP or CRL revocation data for a B-LT seal cannot be fetched or is not a good answer. */
  REVOCATION_UNAVAILABLE: 'REVOCATION_UNAVAILABLE',
  /** Thrown when the database cannot be reached or opened, or a query fails for a reason the caller cannot fix. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** Thrown when a migration file that the database records as applied was changed or removed (checksum mismatch). */
  MIGRATION_CHANGED: 'MIGRATION_CHANGED',
  /** Thrown when a migration cannot be applied: its SQL fails, or migration files are misnamed or numbered twice. */
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  /** Thrown when no API key has the given id. */
  API_KEY_NOT_FOUND: 'API_KEY_NOT_FOUND',
  /** Thrown when the identity provider's discovery document or signing keys (JWKS) cannot be fetched, so bearer JWTs cannot be checked. */
  IDENTITY_PROVIDER_UNAVAILABLE: 'IDENTITY_PROVIDER_UNAVAILABLE',
  /** The recipient must prove who they are (details.method: EMAIL_OTP, MICROSOFT or STRONG) before going on. */
  AUTHENTICATION_REQUIRED: 'AUTHENTICATION_REQUIRED',
  /** The one-time code is wrong (details.attemptsLeft). */
  OTP_INVALID: 'OTP_INVALID',
  /** The one-time code has expired or none was sent: ask for a new one. */
  OTP_EXPIRED: 'OTP_EXPIRED',
  /** Too many wrong codes: the link is locked for a while (details.lockedUntil). */
  OTP_LOCKED: 'OTP_LOCKED',
  /** Codes are asked for too often (details.retryAfterSeconds). */
  OTP_RATE_LIMITED: 'OTP_RATE_LIMITED',
  /** The identity provider's answer does not match the invited recipient (another account, missing claim). */
  IDENTITY_MISMATCH: 'IDENTITY_MISMATCH',
  /** Signing needs the consent box ticked. */
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  /** A signature image that is not a PNG, cannot be decoded, or is too large. */
  INVALID_SIGNATURE_IMAGE: 'INVALID_SIGNATURE_IMAGE',
  /** A cookie-authenticated request without the matching anti-forgery token. */
  CSRF_REJECTED: 'CSRF_REJECTED',
  /** Thrown when a recipient's required authentication (MICROSOFT, STRONG) has no identity provider configured. */
  AUTHENTICATION_UNAVAILABLE: 'AUTHENTICATION_UNAVAILABLE',
  /** Thrown when a recipient sign-in's state is unknown, used or expired (start the sign-in again). */
  AUTHENTICATION_FAILED: 'AUTHENTICATION_FAILED',
  /** The signed copy does not exist yet (the envelope is not completed, or sealing is under way). */
  SIGNED_COPY_NOT_READY: 'SIGNED_COPY_NOT_READY',
  /** Thrown when no webhook subscription of the caller has the given id. */
  WEBHOOK_NOT_FOUND: 'WEBHOOK_NOT_FOUND',
  /** Thrown when a webhook URL is not https, or names (or resolves to) a private, loopback or link-local address. */
  WEBHOOK_URL_REJECTED: 'WEBHOOK_URL_REJECTED',
  /** Thrown when a webhook receiver did not answer 2xx in time; retried with backoff until the delivery gives up. */
  WEBHOOK_DELIVERY_FAILED: 'WEBHOOK_DELIVERY_FAILED',
  /** Thrown when /assets/ has no file of that name (unknown, not built, or a name that is not allowed). */
  ASSET_NOT_FOUND: 'ASSET_NOT_FOUND',
  /** Thrown when a template id is unknown or the template belongs to another sender (existence is not revealed). */
  TEMPLATE_NOT_FOUND: 'TEMPLATE_NOT_FOUND',
  /** Thrown when the caller already has a template of that name. */
  TEMPLATE_NAME_TAKEN: 'TEMPLATE_NAME_TAKEN',
  /** Thrown when an envelope from a template names more recipients than it has placeholders, too few, or an unknown placeholder. */
  TEMPLATE_RECIPIENTS_MISMATCH: 'TEMPLATE_RECIPIENTS_MISMATCH',
  /** Thrown when a bulk send's CSV or settings fail validation; `details.rows` lists every problem, nothing is created. */
  BULK_INVALID: 'BULK_INVALID',
  /** Thrown when a bulk send id is unknown or the bulk send belongs to another sender. */
  BULK_SEND_NOT_FOUND: 'BULK_SEND_NOT_FOUND',
  /** Thrown for faults that have no better code; details go to the log, never to the user. */
  INTERNAL: 'INTERNAL',
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];
export const APP_ERROR_CODES = Object.values(AppErrorCode);

type CatalogueEntry = { statusCode: number; userMessage: string; retryable: boolean };

/** HTTP status, the message a user may see, and whether a retry could help, for each code. */
export const ERROR_CATALOGUE: Record<AppErrorCode, CatalogueEntry> = {
  VALIDATION_FAILED: { statusCode: 400, userMessage: 'The request is not valid.', retryable: false },
  INVALID_DURATION: { statusCode: 400, userMessage: 'A duration is not valid (use e.g. 14d).', retryable: false },
  NO_RECIPIENTS: { statusCode: 400, userMessage: 'Add at least one recipient.', retryable: false },
  NO_ACTING_RECIPIENT: {
    statusCode: 400,
    userMessage: 'At least one recipient must sign or approve.',
    retryable: false,
  },
  DUPLICATE_RECIPIENT: { statusCode: 400, userMessage: 'A recipient is listed twice.', retryable: false },
  INVALID_EMAIL: { statusCode: 400, userMessage: 'An e-mail address is not valid.', retryable: false },
  DEADLINE_IN_PAST: { statusCode: 400, userMessage: 'The deadline must be in the future.', retryable: false },
  DEADLINE_NOT_LATER: {
    statusCode: 409,
    userMessage: 'The new deadline must be later than the current one.',
    retryable: false,
  },
  DOCUMENT_NOT_FOUND: { statusCode: 404, userMessage: 'The document was not found.', retryable: false },
  NOT_A_PDF: { statusCode: 415, userMessage: 'The document is not a PDF.', retryable: false },
  INVALID_DOCUMENT: { statusCode: 422, userMessage: 'The document is empty or damaged.', retryable: false },
  DOCUMENT_TOO_LARGE: { statusCode: 413, userMessage: 'The document is too large.', retryable: false },
  INVALID_DOCUMENT_PATH: { statusCode: 400, userMessage: 'The document path is not allowed.', retryable: false },
  DOCUMENT_IN_ENVELOPE: {
    statusCode: 409,
    userMessage: 'The document is already out for signature.',
    retryable: false,
  },
  ENVELOPE_NOT_FOUND: { statusCode: 404, userMessage: 'The envelope was not found.', retryable: false },
  ENVELOPE_EXISTS: { statusCode: 409, userMessage: 'An envelope with this id already exists.', retryable: false },
  UNKNOWN_RECIPIENT: { statusCode: 404, userMessage: 'You are not a recipient of this envelope.', retryable: false },
  NOT_YOUR_TURN: { statusCode: 409, userMessage: 'It is not your turn yet.', retryable: false },
  ALREADY_ACTED: { statusCode: 409, userMessage: 'You have already responded.', retryable: false },
  WRONG_ROLE: { statusCode: 409, userMessage: 'Your role does not allow this action.', retryable: false },
  ENVELOPE_EXPIRED: { statusCode: 410, userMessage: 'This envelope has expired.', retryable: false },
  ENVELOPE_CANCELLED: { statusCode: 410, userMessage: 'This envelope was cancelled.', retryable: false },
  ENVELOPE_COMPLETED: { statusCode: 409, userMessage: 'This envelope is already completed.', retryable: false },
  ENVELOPE_DECLINED: { statusCode: 410, userMessage: 'This envelope was declined.', retryable: false },
  REASON_REQUIRED: { statusCode: 400, userMessage: 'Please give a reason.', retryable: false },
  DELEGATION_NOT_ALLOWED: {
    statusCode: 409,
    userMessage: 'This envelope does not allow delegation.',
    retryable: false,
  },
  LAST_ACTING_RECIPIENT: {
    statusCode: 409,
    userMessage: 'At least one recipient must still sign or approve.',
    retryable: false,
  },
  ROUTING_ORDER_PASSED: { statusCode: 409, userMessage: 'That signing step has already finished.', retryable: false },
  INVALID_TOKEN: { statusCode: 401, userMessage: 'This link is not valid.', retryable: false },
  UNAUTHENTICATED: { statusCode: 401, userMessage: 'Please sign in.', retryable: false },
  FORBIDDEN: { statusCode: 403, userMessage: 'You may not do this.', retryable: false },
  PAYLOAD_TOO_LARGE: { statusCode: 413, userMessage: 'The upload is too large.', retryable: false },
  LIBRARY_UNAVAILABLE: { statusCode: 503, userMessage: 'The document library is unavailable.', retryable: true },
  MAIL_REJECTED: { statusCode: 502, userMessage: 'The e-mail could not be delivered.', retryable: false },
  ENGINE_UNAVAILABLE: { statusCode: 503, userMessage: 'Signet is temporarily unavailable.', retryable: true },
  INVALID_CONFIG: { statusCode: 500, userMessage: 'Signet is not configured correctly.', retryable: false },
  API_UNAVAILABLE: { statusCode: 503, userMessage: 'The Signet API cannot be reached.', retryable: true },
  SEAL_FAILED: { statusCode: 500, userMessage: 'The document could not be sealed.', retryable: false },
  TSA_UNAVAILABLE: { statusCode: 503, userMessage: 'The timestamp service is unavailable.', retryable: true },
  REVOCATION_UNAVAILABLE: {
    statusCode: 503,
    userMessage: 'Certificate status information is unavailable.',
    retryable: true,
  },
  DATABASE_UNAVAILABLE: { statusCode: 503, userMessage: 'Signet is temporarily unavailable.', retryable: true },
  MIGRATION_CHANGED: { statusCode: 500, userMessage: 'Signet is not configured correctly.', retryable: false },
  MIGRATION_FAILED: { statusCode: 500, userMessage: 'Signet is not configured correctly.', retryable: false },
  API_KEY_NOT_FOUND: { statusCode: 404, userMessage: 'The API key was not found.', retryable: false },
  IDENTITY_PROVIDER_UNAVAILABLE: {
    statusCode: 503,
    userMessage: 'Sign-in cannot be checked right now. Try again shortly.',
    retryable: true,
  },
  AUTHENTICATION_REQUIRED: {
    statusCode: 401,
    userMessage: 'Please confirm who you are before you continue.',
    retryable: false,
  },
  OTP_INVALID: { statusCode: 400, userMessage: 'The code is not correct.', retryable: false },
  OTP_EXPIRED: { statusCode: 400, userMessage: 'The code has expired. Ask for a new one.', retryable: false },
  OTP_LOCKED: {
    statusCode: 423,
    userMessage: 'Too many wrong codes. Try again later.',
    retryable: false,
  },
  OTP_RATE_LIMITED: { statusCode: 429, userMessage: 'Please wait before asking for another code.', retryable: true },
  IDENTITY_MISMATCH: {
    statusCode: 403,
    userMessage: 'You signed in as someone other than the invited person.',
    retryable: false,
  },
  CONSENT_REQUIRED: { statusCode: 400, userMessage: 'Please confirm that you agree to sign.', retryable: false },
  INVALID_SIGNATURE_IMAGE: { statusCode: 400, userMessage: 'The signature image cannot be used.', retryable: false },
  CSRF_REJECTED: { statusCode: 403, userMessage: 'Please reload the page and try again.', retryable: false },
  AUTHENTICATION_UNAVAILABLE: {
    statusCode: 400,
    userMessage: 'This way of confirming a recipient is not set up on this server.',
    retryable: false,
  },
  AUTHENTICATION_FAILED: { statusCode: 400, userMessage: 'The sign-in did not complete. Try again.', retryable: false },
  SIGNED_COPY_NOT_READY: {
    statusCode: 409,
    userMessage: 'The signed copy is not ready yet: everyone must sign first.',
    retryable: true,
  },
  WEBHOOK_NOT_FOUND: { statusCode: 404, userMessage: 'The webhook was not found.', retryable: false },
  WEBHOOK_URL_REJECTED: { statusCode: 400, userMessage: 'The webhook address is not allowed.', retryable: false },
  WEBHOOK_DELIVERY_FAILED: {
    statusCode: 502,
    userMessage: 'The webhook receiver did not accept the event.',
    retryable: true,
  },
  ASSET_NOT_FOUND: { statusCode: 404, userMessage: 'The file was not found.', retryable: false },
  TEMPLATE_NOT_FOUND: { statusCode: 404, userMessage: 'The template was not found.', retryable: false },
  TEMPLATE_NAME_TAKEN: {
    statusCode: 409,
    userMessage: 'You already have a template with this name.',
    retryable: false,
  },
  TEMPLATE_RECIPIENTS_MISMATCH: {
    statusCode: 400,
    userMessage: "The recipients do not match the template's placeholders.",
    retryable: false,
  },
  BULK_INVALID: { statusCode: 400, userMessage: 'The bulk send has errors; nothing was sent.', retryable: false },
  BULK_SEND_NOT_FOUND: { statusCode: 404, userMessage: 'The bulk send was not found.', retryable: false },
  INTERNAL: { statusCode: 500, userMessage: 'Something went wrong.', retryable: true },
};

export type AppErrorOptions = {
  /** Developer-facing detail; may name inputs, never secrets. Defaults to the catalogue's user message. */
  message?: string;
  /** Structured detail for clients (field paths, limits). */
  details?: Record<string, unknown>;
  cause?: unknown;
};

/** The only error type `src/` code throws. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? ERROR_CATALOGUE[code].userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  get statusCode(): number {
    return ERROR_CATALOGUE[this.code].statusCode;
  }

  get userMessage(): string {
    return ERROR_CATALOGUE[this.code].userMessage;
  }
}

/** Narrows an unknown string to a catalogue code. */
export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && value in ERROR_CATALOGUE;
}

/** The JSON body of every error response and of CLI `--json` errors. */
export type ErrorBody = { error: { code: AppErrorCode; message: string; details?: Record<string, unknown> } };

/** Serialises an error for the wire. Unknown errors become INTERNAL without leaking their text. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) {
    return {
      error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    };
  }
  return { error: { code: AppErrorCode.INTERNAL, message: ERROR_CATALOGUE.INTERNAL.userMessage } };
}
