import { AppError, AppErrorCode } from '@signet/shared';
import type { Logger, RecipientAuthConfig, SignetConfig } from '@signet/shared/node';
import type { ApiContext } from '../context';
import type { Database } from '../db/database';
import type { ApiMailer } from '../mail/mailer';
import { createSmtpApiMailer } from '../mail/mailer';

/** What the recipient-authentication use cases need; built from the API context, or by tests. */
export type RecipientAuthDeps = {
  db: Database;
  config: RecipientAuthConfig;
  /** Epoch milliseconds. */
  now: () => number;
  mailer: ApiMailer;
  /** Where the signing page lives (`<publicUrl>/sign/<token>`) and the identity providers return to. */
  publicUrl: string;
  logger: Logger;
};

// One SMTP transport per API instance, made on first use (the API needs none until a code is mailed).
const mailers = new WeakMap<ApiContext, ApiMailer>();
const overrides = new WeakMap<SignetConfig, ApiMailer>();

/** Unit tests: the one-time-code mails of the API built with this `config` object go to `mailer`. */
export function overrideRecipientAuthMailer(config: SignetConfig, mailer: ApiMailer): void {
  overrides.set(config, mailer);
}

function mailerOf(ctx: ApiContext): ApiMailer {
  const override = overrides.get(ctx.config);
  if (override) return override;
  let mailer = mailers.get(ctx);
  if (!mailer) {
    mailer = createSmtpApiMailer(ctx.config.smtp);
    mailers.set(ctx, mailer);
  }
  return mailer;
}

/** DATABASE_UNAVAILABLE when the API runs without a database: codes and sessions live there. */
export function recipientAuthDepsOf(ctx: ApiContext): RecipientAuthDeps {
  if (!ctx.database) {
    throw new AppError(AppErrorCode.DATABASE_UNAVAILABLE, {
      message: 'recipient authentication needs the API database',
    });
  }
  return {
    db: ctx.database,
    config: ctx.config.recipientAuth,
    now: ctx.now,
    mailer: mailerOf(ctx),
    publicUrl: ctx.config.api.publicUrl.replace(/\/+$/, ''),
    logger: ctx.logger,
  };
}
