import { AppErrorCode, AuthMethod } from '@signet/shared';
import { ApiKeyRole } from '../api-keys/api-key-vocabulary';
import type { AuthTestApp } from '../auth/test-auth-app';
import { bearer, createAuthTestApp, NOW, OPERATOR_TOKEN, serveOwnedEnvelopes } from '../auth/test-auth-app';
import { AUDIENCE, createTestIssuer, ISSUER, TENANT } from '../auth/test-jwt';
import { SESSION_COOKIE } from './session-cookie';
import { createSession } from './session-store';

// The web UI's cookie session on the sender routes, through the real app over a fake Temporal client:
// confinement as for any sender, CSRF on unsafe methods, and the audit's authentication method per credential.

const ORIGIN = 'https://signet.example.com';
const OWNERS: Record<string, string> = {
  'envelope-env-sams': 'sam@example.com',
  'envelope-env-others': 'o@example.com',
};

describe('web UI sessions on sender routes', () => {
  let t: AuthTestApp;
  let cookie: string;
  let csrfToken: string;

  beforeAll(async () => {
    const issuer = await createTestIssuer();
    t = await createAuthTestApp({
      env: {
        SIGNET_OIDC_ISSUER: ISSUER,
        SIGNET_OIDC_AUDIENCE: AUDIENCE,
        SIGNET_OIDC_TENANT_ID: TENANT,
        SIGNET_OIDC_WEB_CLIENT_ID: 'signet-web',
        SIGNET_PUBLIC_URL: `${ORIGIN}/`,
      },
      oidcKeys: issuer.keys,
    });
    serveOwnedEnvelopes(t, OWNERS);
    const created = await createSession(
      t.database.db,
      { subject: 'sam@example.com', name: 'Sam Sender', role: ApiKeyRole.SENDER },
      NOW,
    );
    cookie = `${SESSION_COOKIE}=${created.id}`;
    csrfToken = created.session.csrfToken;
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    t.temporal.updates.length = 0;
  });

  const cancel = async (envelope: string, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/envelopes/${envelope}/cancel`,
      headers: { 'content-type': 'application/json', ...headers },
      payload: { reason: 'changed my mind' },
    });
  const actorOfLastUpdate = () =>
    (t.temporal.updates.at(-1)?.input as { actor?: { email: string; authMethod: string } } | undefined)?.actor;

  it("reads the sender's own envelope with the cookie, not another sender's", async () => {
    const own = await t.app.inject({ method: 'GET', url: '/api/v1/envelopes/env-sams', headers: { cookie } });
    expect(own.statusCode).toBe(200);
    const foreign = await t.app.inject({ method: 'GET', url: '/api/v1/envelopes/env-others', headers: { cookie } });
    expect(foreign.statusCode).toBe(403);
  });

  it('refuses unsafe requests without the token or from another origin, before anything is done', async () => {
    const attempts: Array<Record<string, string>> = [
      { cookie, origin: ORIGIN },
      { cookie, origin: 'https://evil.example', 'x-csrf-token': csrfToken },
    ];
    for (const headers of attempts) {
      const response = await cancel('env-sams', headers);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: AppErrorCode.CSRF_REJECTED } });
    }
    expect(t.temporal.updates).toHaveLength(0);
  });

  it('records a web session as ENTRA_ID, an API key as API_KEY and the operator token as API_TOKEN', async () => {
    expect((await cancel('env-sams', { cookie, origin: ORIGIN, 'x-csrf-token': csrfToken })).statusCode).toBe(200);
    expect(actorOfLastUpdate()).toMatchObject({ email: 'sam@example.com', authMethod: AuthMethod.ENTRA_ID });
    const key = await t.mintKey({ owner: 'sam@example.com' });
    expect((await cancel('env-sams', bearer(key.token))).statusCode).toBe(200);
    expect(actorOfLastUpdate()).toMatchObject({ email: 'sam@example.com', authMethod: AuthMethod.API_KEY });
    const operator = await cancel('env-sams', { ...bearer(OPERATOR_TOKEN), 'x-signet-actor-email': 'op@example.com' });
    expect(operator.statusCode).toBe(200);
    expect(actorOfLastUpdate()).toMatchObject({ email: 'op@example.com', authMethod: AuthMethod.API_TOKEN });
  });

  it('never falls back to the cookie when a bearer token is given and refused', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/envelopes/env-sams',
      headers: { cookie, authorization: 'Bearer not-a-valid-token' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('answers the session (with its CSRF token) to the page, and ends it at sign-out', async () => {
    const session = await t.app.inject({ method: 'GET', url: '/app/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ email: 'sam@example.com', role: 'sender', csrfToken });
    expect(session.headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ method: 'GET', url: '/app/session' })).statusCode).toBe(401);
    const forged = await t.app.inject({ method: 'POST', url: '/app/logout', headers: { cookie, origin: ORIGIN } });
    expect(forged.statusCode).toBe(403);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/app/logout',
      headers: { cookie, origin: ORIGIN, 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await t.app.inject({ method: 'GET', url: '/app/session', headers: { cookie } })).statusCode).toBe(401);
    const shell = await t.app.inject({
      method: 'GET',
      url: '/app/envelopes?view=needs-attention',
      headers: { cookie },
    });
    expect(shell.statusCode).toBe(302);
    expect(shell.headers.location).toBe('/app/login?returnTo=%2Fapp%2Fenvelopes%3Fview%3Dneeds-attention');
  });
});
