import { loadConfig } from '@signet/shared/node';

describe('recipient authentication configuration', () => {
  it('has safe defaults and no providers unless configured', () => {
    expect(loadConfig({}).recipientAuth).toEqual({
      microsoft: undefined,
      strong: undefined,
      otp: {
        ttlMs: 10 * 60_000,
        maxAttempts: 5,
        lockMs: 15 * 60_000,
        maxSends: 3,
        sendWindowMs: 15 * 60_000,
        resendAfterMs: 30_000,
      },
      sessionTtlMs: 3_600_000,
    });
  });

  it('reads both providers', () => {
    const { recipientAuth } = loadConfig({
      SIGNET_RECIPIENT_OIDC_ISSUER: 'https://login.microsoftonline.com/organizations/v2.0',
      SIGNET_RECIPIENT_OIDC_CLIENT_ID: 'client-1',
      SIGNET_STRONG_OIDC_ISSUER: 'https://broker.example.com',
      SIGNET_STRONG_OIDC_CLIENT_ID: 'client-2',
      SIGNET_STRONG_OIDC_CLIENT_SECRET: 'secret',
      SIGNET_STRONG_OIDC_NATIONAL_ID_CLAIM: 'hetu',
    });
    expect(recipientAuth.microsoft).toEqual({
      issuer: 'https://login.microsoftonline.com/organizations/v2.0',
      clientId: 'client-1',
      clientSecret: undefined,
    });
    expect(recipientAuth.strong).toEqual({
      issuer: 'https://broker.example.com',
      clientId: 'client-2',
      clientSecret: 'secret',
      nationalIdClaim: 'hetu',
      name: 'Strong electronic identification',
    });
  });

  it.each([
    [{ SIGNET_RECIPIENT_OIDC_ISSUER: 'https://login.example.com' }, /go together/],
    [{ SIGNET_STRONG_OIDC_CLIENT_ID: 'c' }, /go together/],
    [{ SIGNET_STRONG_OIDC_ISSUER: 'http://broker.example.com', SIGNET_STRONG_OIDC_CLIENT_ID: 'c' }, /https/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('allows plain http on loopback (the local issuer)', () => {
    const config = loadConfig({
      SIGNET_STRONG_OIDC_ISSUER: 'http://127.0.0.1:3091',
      SIGNET_STRONG_OIDC_CLIENT_ID: 'c',
    });
    expect(config.recipientAuth.strong?.issuer).toBe('http://127.0.0.1:3091');
  });
});
