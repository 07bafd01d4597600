import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { AppErrorCode } from '@signet/shared';
import { createJwtAuthenticator } from './entra-jwt';
import { createIssuerKeys } from './issuer-keys';
import { jose } from './jose';

// The remote key set over real HTTP on loopback: discovery, the JWKS, and an issuer that is down.

describe('createIssuerKeys', () => {
  let server: Server;
  let issuer: string;
  let discoveryIssuer: string;
  let fetches: string[];
  let sign: (claims?: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await jose.generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] };
    server = createServer((request, response) => {
      fetches.push(request.url ?? '');
      const body =
        request.url === '/tenant/v2.0/.well-known/openid-configuration'
          ? { issuer: discoveryIssuer, jwks_uri: `${issuer.replace('/tenant/v2.0', '')}/keys` }
          : request.url === '/keys'
            ? jwks
            : undefined;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tenant/v2.0`;
    sign = async (claims = {}) =>
      new jose.SignJWT({ preferred_username: 'sam@example.com', scp: 'user_impersonation', ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience('api://signet')
        .setExpirationTime('5m')
        .sign(privateKey);
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    fetches = [];
    discoveryIssuer = issuer;
  });

  const oidc = (overrides: { issuer?: string; jwksUrl?: string } = {}) => ({
    issuer,
    audiences: ['api://signet'],
    jwksUrl: undefined,
    tenantId: undefined,
    adminRole: 'Signet.Admin',
    ...overrides,
  });

  it('finds the keys through discovery once, then verifies from the cached key set', async () => {
    const authenticate = createJwtAuthenticator(oidc(), createIssuerKeys(oidc()));
    await expect(authenticate(await sign())).resolves.toMatchObject({ subject: 'sam@example.com' });
    await expect(authenticate(await sign())).resolves.toMatchObject({ subject: 'sam@example.com' });
    expect(fetches).toEqual(['/tenant/v2.0/.well-known/openid-configuration', '/keys']);
  });

  it('uses SIGNET_OIDC_JWKS_URL without discovery', async () => {
    const config = oidc({ jwksUrl: `${issuer.replace('/tenant/v2.0', '')}/keys` });
    await expect(createJwtAuthenticator(config, createIssuerKeys(config))(await sign())).resolves.toBeDefined();
    expect(fetches).toEqual(['/keys']);
  });

  it('refuses a discovery document naming another issuer (INVALID_CONFIG), and looks again next time', async () => {
    discoveryIssuer = 'https://impostor.example';
    const authenticate = createJwtAuthenticator(oidc(), createIssuerKeys(oidc()));
    await expect(authenticate(await sign())).rejects.toMatchObject({ code: AppErrorCode.INVALID_CONFIG });
    discoveryIssuer = issuer;
    await expect(authenticate(await sign())).resolves.toBeDefined();
  });

  it('answers IDENTITY_PROVIDER_UNAVAILABLE (503) when the issuer or its keys cannot be fetched', async () => {
    const missingKeys = oidc({ jwksUrl: `${issuer}/no-such-keys` });
    await expect(
      createJwtAuthenticator(missingKeys, createIssuerKeys(missingKeys))(await sign()),
    ).rejects.toMatchObject({
      code: AppErrorCode.IDENTITY_PROVIDER_UNAVAILABLE,
      statusCode: 503,
    });
    const down = oidc({ issuer: 'http://127.0.0.1:1/tenant/v2.0' });
    await expect(createJwtAuthenticator(down, createIssuerKeys(down))(await sign())).rejects.toMatchObject({
      code: AppErrorCode.IDENTITY_PROVIDER_UNAVAILABLE,
    });
  });
});
