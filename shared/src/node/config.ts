import path from 'node:path';
import { z } from 'zod';
import { parseDuration } from '../domain/duration';
import { SEAL_LEVELS } from '../domain/vocabulary';
import type { SealLevel } from '../domain/vocabulary';
import { AppError, AppErrorCode } from '../errors/app-error';

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text) => parseDuration(text));

const ZEnvSchema = z.object({
  SIGNET_DATA_DIR: z.string().default('.data'),
  SIGNET_LIBRARY_DIR: z.string().optional(),
  SIGNET_LIBRARY_ID: z.string().default('local-default'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  SIGNET_API_HOST: z.string().default('127.0.0.1'),
  SIGNET_API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SIGNET_PUBLIC_URL: z.string().url().optional(),
  SIGNET_API_URL: z.string().url().optional(),
  SIGNET_SMTP_HOST: z.string().default('127.0.0.1'),
  SIGNET_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  SIGNET_SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  SIGNET_SMTP_USER: z.string().optional(),
  SIGNET_SMTP_PASSWORD: z.string().optional(),
  SIGNET_MAIL_FROM: z.string().default('Signet <signet@localhost>'),
  SIGNET_LINK_SECRET: z.string().min(32, 'at least 32 characters of random text').optional(),
  SIGNET_API_TOKEN: z.string().min(32, 'at least 32 characters of random text').optional(),
  SIGNET_INTERNAL_TOKEN: z.string().min(32, 'at least 32 characters of random text').optional(),
  SIGNET_MAX_UPLOAD_MB: z.coerce.number().positive().default(50),
  SIGNET_BULK_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1000),
  SIGNET_MAX_PAGES: z.coerce.number().int().positive().default(1000),
  SIGNET_DEFAULT_EXPIRY: duration('14d'),
  SIGNET_DEFAULT_EXPIRY_WARNING: duration('2d'),
  SIGNET_DEFAULT_REMIND_AFTER: duration('3d'),
  SIGNET_DEFAULT_REMIND_EVERY: duration('2d'),
  SIGNET_DEFAULT_MAX_REMINDERS: z.coerce.number().int().min(0).default(3),
  SIGNET_RETENTION: z.string().default('3650d'),
  SIGNET_RETENTION_WARNING: duration('30d'),
  SIGNET_SEAL_P12_FILE: z.string().optional(),
  SIGNET_SEAL_P12_PASSWORD: z.string().optional(),
  SIGNET_SEAL_KEY_FILE: z.string().optional(),
  SIGNET_SEAL_CERT_FILE: z.string().optional(),
  SIGNET_TSA_URL: z.string().url().optional(),
  SIGNET_SEAL_LEVEL: z.enum(SEAL_LEVELS).optional(),
  SIGNET_SEAL_NAME: z.string().default('Signet seal'),
  SIGNET_TRUSTED_ROOTS_FILE: z.string().optional(),
  SIGNET_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  SIGNET_OIDC_ISSUER: z.string().url().optional(),
  SIGNET_OIDC_AUDIENCE: z.string().optional(),
  SIGNET_OIDC_JWKS_URL: z.string().url().optional(),
  SIGNET_OIDC_TENANT_ID: z.string().optional(),
  SIGNET_OIDC_ADMIN_ROLE: z.string().min(1).default('Signet.Admin'),
  SIGNET_RECIPIENT_OIDC_ISSUER: z.string().url().optional(),
  SIGNET_RECIPIENT_OIDC_CLIENT_ID: z.string().optional(),
  SIGNET_RECIPIENT_OIDC_CLIENT_SECRET: z.string().optional(),
  SIGNET_STRONG_OIDC_ISSUER: z.string().url().optional(),
  SIGNET_STRONG_OIDC_CLIENT_ID: z.string().optional(),
  SIGNET_STRONG_OIDC_CLIENT_SECRET: z.string().optional(),
  SIGNET_STRONG_OIDC_NATIONAL_ID_CLAIM: z.string().min(1).default('national_identity_number'),
  SIGNET_STRONG_OIDC_NAME: z.string().min(1).max(100).default('Strong electronic identification'),
  SIGNET_OTP_TTL: duration('10m'),
  SIGNET_OTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  SIGNET_OTP_LOCK: duration('15m'),
  SIGNET_OTP_MAX_SENDS: z.coerce.number().int().min(1).max(20).default(3),
  SIGNET_OTP_SEND_WINDOW: duration('15m'),
  SIGNET_OTP_RESEND_AFTER: duration('30s'),
  SIGNET_RECIPIENT_SESSION_TTL: duration('1h'),
  SIGNET_OIDC_WEB_CLIENT_ID: z.string().optional(),
  SIGNET_OIDC_WEB_CLIENT_SECRET: z.string().optional(),
  SIGNET_WEBHOOK_RETRY_INITIAL: duration('30s'),
  SIGNET_WEBHOOK_RETRY_FOR: duration('24h'),
  SIGNET_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(20),
  SIGNET_WEBHOOK_ALLOW_INSECURE: z.enum(['true', 'false']).default('false'),
});

/** The seal's key: a PKCS#12 file, or a PEM key with a PEM certificate file (leaf first, then its chain). */
export type SealKeyConfig =
  { kind: 'pkcs12'; file: string; password: string } | { kind: 'pem'; keyFile: string; certificateFile: string };

/** How completed documents are sealed (worker only). */
export type SealConfig = {
  /** `undefined` when no seal key is configured: the worker refuses to start (see `requireSealKey`). */
  key: SealKeyConfig | undefined;
  /** RFC 3161 timestamp authority; needed from B-T. */
  tsaUrl: string | undefined;
  /** SIGNET_SEAL_LEVEL, or B-LT when a TSA is configured, else B-B. */
  level: SealLevel;
  /** The signature field's name, also shown by viewers as the signer's label. */
  fieldName: string;
};

/**
 * Bearer JWTs from Microsoft Entra ID (or any OpenID Connect issuer) on sender routes (decision 0013).
 * Set by SIGNET_OIDC_ISSUER with SIGNET_OIDC_AUDIENCE; absent when neither is set.
 */
export type OidcConfig = {
  /** Must equal the tokens' `iss`, e.g. `https://login.microsoftonline.com/<tenant-id>/v2.0`. */
  issuer: string;
  /** Accepted `aud` values (comma-separated in SIGNET_OIDC_AUDIENCE), e.g. `api://<client-id>` and `<client-id>`. */
  audiences: string[];
  /** Where the signing keys are; undefined: the `jwks_uri` of the issuer's discovery document. */
  jwksUrl: string | undefined;
  /** When set, tokens must carry this `tid`. */
  tenantId: string | undefined;
  /** The app role (in the `roles` claim) that makes a caller an admin. */
  adminRole: string;
  /**
   * The sender web UI's sign-in (authorization code + PKCE, decision 0017): SIGNET_OIDC_WEB_CLIENT_ID and, for
   * a confidential client, SIGNET_OIDC_WEB_CLIENT_SECRET; undefined when the UI's sign-in is not configured.
   */
  webClient?: { clientId: string; clientSecret: string | undefined };
};

/** An OpenID Connect provider recipients sign in with (authorization code + PKCE; decision 0014). */
export type RecipientOidcProviderConfig = {
  /** The issuer; an Entra `organizations`/`common` issuer accepts the `iss` of any tenant (`{tenantid}`). */
  issuer: string;
  clientId: string;
  /** Undefined for a public client (PKCE only). */
  clientSecret: string | undefined;
};

/** Recipient authentication beyond the link (decision 0014). */
export type RecipientAuthConfig = {
  /** Microsoft sign-in (SIGNET_RECIPIENT_OIDC_*); undefined: MICROSOFT cannot be required. */
  microsoft: RecipientOidcProviderConfig | undefined;
  /** Strong authentication broker (SIGNET_STRONG_OIDC_*); undefined: STRONG cannot be required. */
  strong: (RecipientOidcProviderConfig & { nationalIdClaim: string; name: string }) | undefined;
  /** One-time codes: lifetime, wrong attempts before a lock and its length, sends per window, gap between sends. */
  otp: {
    ttlMs: number;
    maxAttempts: number;
    lockMs: number;
    maxSends: number;
    sendWindowMs: number;
    resendAfterMs: number;
  };
  /** How long a recipient's session lasts after they proved themselves. */
  sessionTtlMs: number;
};

/** Configuration of every Node process, parsed once at start-up from the environment. */
export type SignetConfig = {
  dataDir: string;
  library: { id: string; root: string };
  temporal: { address: string; namespace: string };
  api: { host: string; port: number; publicUrl: string; url: string; token: string | undefined };
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string };
  linkSecret: string | undefined;
  /** Service-to-service bearer of the worker's calls to the API's `/internal/v1` routes (SIGNET_INTERNAL_TOKEN). */
  internalToken: string | undefined;
  maxUploadBytes: number;
  /** Most pages a document may have; checked at send time so sealing never meets a file it cannot take. */
  maxPages: number;
  defaults: {
    expiryMs: number;
    expiryWarningMs: number;
    reminders: { firstAfterMs: number; everyMs: number; max: number };
  };
  /** `null` when documents are kept forever (SIGNET_RETENTION=off). */
  retention: { deleteAfterMs: number; warnBeforeMs: number } | null;
  seal: SealConfig;
  /** PEM file of the roots `POST /api/v1/verify` trusts when the caller names none (SIGNET_TRUSTED_ROOTS_FILE). */
  trustedRootsFile: string | undefined;
  /** The API's database: PostgreSQL at `url` (SIGNET_DATABASE_URL), or else embedded PGlite in `dir` (<data>/db). */
  database: { url: string | undefined; dir: string };
  /** Entra ID / OpenID Connect bearer tokens; undefined when not configured (API keys and the operator token only). */
  oidc: OidcConfig | undefined;
  /** Bulk sends: most CSV rows one bulk send may have (SIGNET_BULK_MAX_ROWS). */
  bulk: { maxRows: number };
  recipientAuth: RecipientAuthConfig;
  /**
   * Webhook deliveries: first retry after `retryInitialMs`, doubling, given up `retryForMs` after the event;
   * `allowInsecure` (dev/tests only) also allows http:// and loopback/private subscriber addresses.
   */
  webhooks: { retryInitialMs: number; retryForMs: number; maxAttempts: number; allowInsecure: boolean };
};

/** Parses `env` (default `process.env`); throws INVALID_CONFIG naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SignetConfig {
  const parsed = ZEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError(AppErrorCode.INVALID_CONFIG, { message: `invalid configuration: ${problems.join('; ')}` });
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.SIGNET_DATA_DIR);
  const apiUrl = e.SIGNET_API_URL ?? `http://${e.SIGNET_API_HOST}:${e.SIGNET_API_PORT}`;
  return {
    dataDir,
    library: { id: e.SIGNET_LIBRARY_ID, root: path.resolve(e.SIGNET_LIBRARY_DIR ?? path.join(dataDir, 'library')) },
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE },
    api: {
      host: e.SIGNET_API_HOST,
      port: e.SIGNET_API_PORT,
      publicUrl: e.SIGNET_PUBLIC_URL ?? apiUrl,
      url: apiUrl,
      token: e.SIGNET_API_TOKEN,
    },
    smtp: {
      host: e.SIGNET_SMTP_HOST,
      port: e.SIGNET_SMTP_PORT,
      secure: e.SIGNET_SMTP_SECURE === 'true',
      ...(e.SIGNET_SMTP_USER ? { user: e.SIGNET_SMTP_USER } : {}),
      ...(e.SIGNET_SMTP_PASSWORD ? { password: e.SIGNET_SMTP_PASSWORD } : {}),
      from: e.SIGNET_MAIL_FROM,
    },
    linkSecret: e.SIGNET_LINK_SECRET,
    internalToken: e.SIGNET_INTERNAL_TOKEN,
    maxUploadBytes: Math.round(e.SIGNET_MAX_UPLOAD_MB * 1024 * 1024),
    maxPages: e.SIGNET_MAX_PAGES,
    defaults: {
      expiryMs: e.SIGNET_DEFAULT_EXPIRY,
      expiryWarningMs: e.SIGNET_DEFAULT_EXPIRY_WARNING,
      reminders: {
        firstAfterMs: e.SIGNET_DEFAULT_REMIND_AFTER,
        everyMs: e.SIGNET_DEFAULT_REMIND_EVERY,
        max: e.SIGNET_DEFAULT_MAX_REMINDERS,
      },
    },
    retention:
      e.SIGNET_RETENTION === 'off'
        ? null
        : { deleteAfterMs: parseDuration(e.SIGNET_RETENTION), warnBeforeMs: e.SIGNET_RETENTION_WARNING },
    seal: sealConfigOf(e),
    trustedRootsFile: e.SIGNET_TRUSTED_ROOTS_FILE ? path.resolve(e.SIGNET_TRUSTED_ROOTS_FILE) : undefined,
    database: { url: e.SIGNET_DATABASE_URL, dir: path.join(dataDir, 'db') },
    oidc: oidcConfigOf(e),
    bulk: { maxRows: e.SIGNET_BULK_MAX_ROWS },
    recipientAuth: recipientAuthConfigOf(e),
    webhooks: {
      retryInitialMs: e.SIGNET_WEBHOOK_RETRY_INITIAL,
      retryForMs: e.SIGNET_WEBHOOK_RETRY_FOR,
      maxAttempts: e.SIGNET_WEBHOOK_MAX_ATTEMPTS,
      allowInsecure: e.SIGNET_WEBHOOK_ALLOW_INSECURE === 'true',
    },
  };
}

/** Signing keys and issuer over plain HTTP only on this machine (the local issuer of `npm start` and tests). */
function isSecureOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

function oidcConfigOf(e: z.infer<typeof ZEnvSchema>): OidcConfig | undefined {
  const audiences = (e.SIGNET_OIDC_AUDIENCE ?? '')
    .split(',')
    .map((audience) => audience.trim())
    .filter(Boolean);
  if (!e.SIGNET_OIDC_ISSUER && audiences.length === 0) return undefined;
  if (!e.SIGNET_OIDC_ISSUER || audiences.length === 0) {
    throw invalidConfig('SIGNET_OIDC_ISSUER and SIGNET_OIDC_AUDIENCE go together');
  }
  for (const [variable, url] of [
    ['SIGNET_OIDC_ISSUER', e.SIGNET_OIDC_ISSUER],
    ['SIGNET_OIDC_JWKS_URL', e.SIGNET_OIDC_JWKS_URL],
  ] as const) {
    if (url && !isSecureOrLoopback(url)) throw invalidConfig(`${variable} must be an https:// URL`);
  }
  return {
    issuer: e.SIGNET_OIDC_ISSUER,
    audiences,
    jwksUrl: e.SIGNET_OIDC_JWKS_URL,
    tenantId: e.SIGNET_OIDC_TENANT_ID?.trim() || undefined,
    adminRole: e.SIGNET_OIDC_ADMIN_ROLE,
    ...(e.SIGNET_OIDC_WEB_CLIENT_ID?.trim()
      ? {
          webClient: {
            clientId: e.SIGNET_OIDC_WEB_CLIENT_ID.trim(),
            clientSecret: e.SIGNET_OIDC_WEB_CLIENT_SECRET || undefined,
          },
        }
      : {}),
  };
}

function recipientProviderOf(
  prefix: 'SIGNET_RECIPIENT_OIDC' | 'SIGNET_STRONG_OIDC',
  issuer: string | undefined,
  clientId: string | undefined,
  clientSecret: string | undefined,
): RecipientOidcProviderConfig | undefined {
  if (!issuer && !clientId?.trim()) return undefined;
  if (!issuer || !clientId?.trim()) throw invalidConfig(`${prefix}_ISSUER and ${prefix}_CLIENT_ID go together`);
  if (!isSecureOrLoopback(issuer)) throw invalidConfig(`${prefix}_ISSUER must be an https:// URL`);
  return { issuer, clientId: clientId.trim(), clientSecret: clientSecret || undefined };
}

function recipientAuthConfigOf(e: z.infer<typeof ZEnvSchema>): RecipientAuthConfig {
  const strong = recipientProviderOf(
    'SIGNET_STRONG_OIDC',
    e.SIGNET_STRONG_OIDC_ISSUER,
    e.SIGNET_STRONG_OIDC_CLIENT_ID,
    e.SIGNET_STRONG_OIDC_CLIENT_SECRET,
  );
  return {
    microsoft: recipientProviderOf(
      'SIGNET_RECIPIENT_OIDC',
      e.SIGNET_RECIPIENT_OIDC_ISSUER,
      e.SIGNET_RECIPIENT_OIDC_CLIENT_ID,
      e.SIGNET_RECIPIENT_OIDC_CLIENT_SECRET,
    ),
    strong: strong
      ? { ...strong, nationalIdClaim: e.SIGNET_STRONG_OIDC_NATIONAL_ID_CLAIM, name: e.SIGNET_STRONG_OIDC_NAME }
      : undefined,
    otp: {
      ttlMs: e.SIGNET_OTP_TTL,
      maxAttempts: e.SIGNET_OTP_MAX_ATTEMPTS,
      lockMs: e.SIGNET_OTP_LOCK,
      maxSends: e.SIGNET_OTP_MAX_SENDS,
      sendWindowMs: e.SIGNET_OTP_SEND_WINDOW,
      resendAfterMs: e.SIGNET_OTP_RESEND_AFTER,
    },
    sessionTtlMs: e.SIGNET_RECIPIENT_SESSION_TTL,
  };
}

function sealConfigOf(e: z.infer<typeof ZEnvSchema>): SealConfig {
  const pem = e.SIGNET_SEAL_KEY_FILE || e.SIGNET_SEAL_CERT_FILE;
  if (e.SIGNET_SEAL_P12_FILE && pem) {
    throw invalidConfig('set either SIGNET_SEAL_P12_FILE or SIGNET_SEAL_KEY_FILE with SIGNET_SEAL_CERT_FILE, not both');
  }
  if (pem && !(e.SIGNET_SEAL_KEY_FILE && e.SIGNET_SEAL_CERT_FILE)) {
    throw invalidConfig('SIGNET_SEAL_KEY_FILE and SIGNET_SEAL_CERT_FILE go together');
  }
  const key: SealKeyConfig | undefined = e.SIGNET_SEAL_P12_FILE
    ? { kind: 'pkcs12', file: path.resolve(e.SIGNET_SEAL_P12_FILE), password: e.SIGNET_SEAL_P12_PASSWORD ?? '' }
    : e.SIGNET_SEAL_KEY_FILE && e.SIGNET_SEAL_CERT_FILE
      ? {
          kind: 'pem',
          keyFile: path.resolve(e.SIGNET_SEAL_KEY_FILE),
          certificateFile: path.resolve(e.SIGNET_SEAL_CERT_FILE),
        }
      : undefined;
  const level = e.SIGNET_SEAL_LEVEL ?? (e.SIGNET_TSA_URL ? 'B-LT' : 'B-B');
  if (level !== 'B-B' && !e.SIGNET_TSA_URL) {
    throw invalidConfig(`SIGNET_SEAL_LEVEL=${level} needs a timestamp authority: set SIGNET_TSA_URL`);
  }
  return { key, tsaUrl: e.SIGNET_TSA_URL, level, fieldName: e.SIGNET_SEAL_NAME };
}

function invalidConfig(problem: string): AppError {
  return new AppError(AppErrorCode.INVALID_CONFIG, { message: `invalid configuration: ${problem}` });
}

/** The seal key, or fails the worker's start-up with a message that says how to get one. */
export function requireSealKey(seal: SealConfig): SealKeyConfig {
  if (!seal.key) {
    throw invalidConfig(
      'no seal key: set SIGNET_SEAL_P12_FILE (and SIGNET_SEAL_P12_PASSWORD) or SIGNET_SEAL_KEY_FILE with ' +
        'SIGNET_SEAL_CERT_FILE (npm start makes a local development PKI; see README "Sealing")',
    );
  }
  return seal.key;
}

/** Returns a secret that a process cannot run without, or fails start-up with a clear message. */
export function requireSecret(value: string | undefined, variable: string): string {
  if (!value) {
    throw new AppError(AppErrorCode.INVALID_CONFIG, {
      message: `${variable} is not set (npm start generates one under the data folder; see README "Configuration")`,
    });
  }
  return value;
}
