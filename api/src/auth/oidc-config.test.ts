import { AppErrorCode } from '@signet/shared';
import { loadConfig } from '@signet/shared/node';

// SIGNET_OIDC_* parsing (shared/src/node/config.ts), tested where the API uses it.
describe('OIDC configuration', () => {
  const issuer = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0';

  it('is off unless an issuer and an audience are set', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it('reads issuer, audiences (comma-separated), tenant, JWKS URL and the admin role', () => {
    const config = loadConfig({
      SIGNET_OIDC_ISSUER: issuer,
      SIGNET_OIDC_AUDIENCE: 'api://signet-client-id, signet-client-id',
      SIGNET_OIDC_TENANT_ID: '11111111-2222-3333-4444-555555555555',
    });
    expect(config.oidc).toEqual({
      issuer,
      audiences: ['api://signet-client-id', 'signet-client-id'],
      jwksUrl: undefined,
      tenantId: '11111111-2222-3333-4444-555555555555',
      adminRole: 'Signet.Admin',
    });
    const custom = loadConfig({
      SIGNET_OIDC_ISSUER: issuer,
      SIGNET_OIDC_AUDIENCE: 'x',
      SIGNET_OIDC_JWKS_URL: 'https://keys.example/jwks',
      SIGNET_OIDC_ADMIN_ROLE: 'Sign.Admins',
    });
    expect(custom.oidc).toMatchObject({ jwksUrl: 'https://keys.example/jwks', adminRole: 'Sign.Admins' });
  });

  it.each([
    ['an issuer without audience', { SIGNET_OIDC_ISSUER: issuer }],
    ['an audience without issuer', { SIGNET_OIDC_AUDIENCE: 'api://x' }],
    ['an empty audience list', { SIGNET_OIDC_ISSUER: issuer, SIGNET_OIDC_AUDIENCE: ' , ' }],
    ['a plain-HTTP remote issuer', { SIGNET_OIDC_ISSUER: 'http://login.example.com/t', SIGNET_OIDC_AUDIENCE: 'x' }],
    [
      'a plain-HTTP remote key set',
      { SIGNET_OIDC_ISSUER: issuer, SIGNET_OIDC_AUDIENCE: 'x', SIGNET_OIDC_JWKS_URL: 'http://keys.example/jwks' },
    ],
    ['an issuer that is no URL', { SIGNET_OIDC_ISSUER: 'login', SIGNET_OIDC_AUDIENCE: 'x' }],
  ])('refuses %s with INVALID_CONFIG', (_label, env) => {
    expect(() => loadConfig(env)).toThrow(expect.objectContaining({ code: AppErrorCode.INVALID_CONFIG }));
  });

  it('allows plain HTTP on loopback (the local issuer of npm start and the tests)', () => {
    const config = loadConfig({ SIGNET_OIDC_ISSUER: 'http://127.0.0.1:3091', SIGNET_OIDC_AUDIENCE: 'api://signet' });
    expect(config.oidc?.issuer).toBe('http://127.0.0.1:3091');
  });
});
