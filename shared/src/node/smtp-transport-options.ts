import type { SignetConfig } from './config';

/** The subset of nodemailer's SMTP transport options Signet sets. */
export type SmtpTransportOptions = {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};

/**
 * nodemailer transport options from `SIGNET_SMTP_*`, for every process that sends mail (the worker's
 * notifications, the API's one-time codes). Connection and greeting fail within 10 s; `socketTimeoutMs` is
 * the caller's budget for one message.
 */
export function smtpTransportOptions(smtp: SignetConfig['smtp'], socketTimeoutMs: number): SmtpTransportOptions {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: socketTimeoutMs,
  };
}
