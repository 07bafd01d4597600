import { isAppErrorCode } from '@signet/shared';
import { h } from '../common/dom';
import type { ErrorRegion } from '../common/form';
import { errorRegion, field, whileBusy } from '../common/form';
import { RecipientApiError } from '../common/recipient-api';
import { renderFrame } from './layout';
import type { PageContext } from './page-context';

export type AuthChallenge = { method: string; emailHint?: string; senderName?: string };

function otpForm(ctx: PageContext, challenge: AuthChallenge, errors: ErrorRegion): HTMLElement {
  const { t } = ctx.i18n;
  const status = h('p', { role: 'status', class: 'notice' });
  const code = h('input', {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    pattern: '[0-9]{6}',
    maxlength: 6,
    required: true,
    'aria-required': 'true',
  });
  const verifyButton = h('button', { type: 'submit', class: 'button primary' }, t('authVerify'));
  const codeForm = h('form', { class: 'otp-code', novalidate: true }, field(t('authCodeLabel'), code), verifyButton);
  codeForm.hidden = true;
  const sendButton = h('button', { type: 'button', class: 'button primary' }, t('authSendCode'));
  const fail = (thrown: unknown): void => {
    const error = thrown instanceof RecipientApiError ? thrown : new RecipientApiError('UNKNOWN', 0);
    const left = error.details.attemptsLeft;
    errors.show(
      error.code === 'OTP_INVALID' && typeof left === 'number'
        ? t('authAttemptsLeft', { count: left })
        : ctx.i18n.error(error),
    );
  };
  sendButton.addEventListener('click', () => {
    errors.clear();
    void whileBusy(sendButton, t('sending'), async () => {
      try {
        const sent = await ctx.api.sendOtp();
        status.textContent = t('authCodeSent', { email: sent.sentTo, time: ctx.i18n.time(sent.expiresAt) });
        codeForm.hidden = false;
        sendButton.textContent = t('authResend');
        sendButton.classList.replace('primary', 'secondary');
        code.focus();
      } catch (thrown) {
        fail(thrown);
      }
    });
  });
  codeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.clear();
    const value = code.value.replace(/\s/g, '');
    if (!/^\d{6}$/.test(value)) return errors.show(t('errorOTP_INVALID'));
    void whileBusy(verifyButton, t('sending'), async () => {
      try {
        const verified = await ctx.api.verifyOtp(value);
        ctx.setSession(verified.session);
        await ctx.reload();
      } catch (thrown) {
        fail(thrown);
      }
    });
  });
  return h(
    'div',
    {},
    h('p', {}, t('authOtpText', { sender: challenge.senderName ?? '', email: challenge.emailHint ?? '' })),
    sendButton,
    status,
    codeForm,
  );
}

function providerButton(ctx: PageContext, challenge: AuthChallenge): HTMLElement {
  const { t } = ctx.i18n;
  const strong = challenge.method === 'STRONG';
  return h(
    'div',
    {},
    h('p', {}, t(strong ? 'authStrongText' : 'authMicrosoftText', { sender: challenge.senderName ?? '' })),
    // A plain link: the API answers with a redirect to the identity provider (a top-level navigation).
    h('a', { class: 'button primary', href: ctx.api.oidcStartUrl() }, t(strong ? 'authStrong' : 'authMicrosoft')),
  );
}

/** The slot asks for more than the link: an e-mail code, or a sign-in with Microsoft or a strong identity. */
export function renderAuth(ctx: PageContext, challenge: AuthChallenge, authError?: string): void {
  const errors = errorRegion();
  renderFrame(
    ctx,
    h(
      'section',
      { class: 'state auth', 'data-state': 'auth' },
      h('h1', {}, ctx.i18n.t('authHeading')),
      challenge.method === 'EMAIL_OTP' ? otpForm(ctx, challenge, errors) : providerButton(ctx, challenge),
      errors.element,
    ),
  );
  if (authError)
    errors.show(ctx.i18n.error(new RecipientApiError(isAppErrorCode(authError) ? authError : 'UNKNOWN', 0)));
}
