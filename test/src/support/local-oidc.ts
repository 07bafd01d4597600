import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePorts } from './ports';
import { REPO_ROOT } from './temporal-tools';

/** A person the local issuer can issue tokens for (as Entra would for a signed-in user). */
export type LocalOidcUser = { email: string; name?: string; roles?: string[] };

/**
 * A relying party using the authorization-code flow (the issuer's login form): confidential when it has a
 * secret (client_secret_basic), else public and PKCE is required.
 */
export type LocalOidcInteractiveClient = { clientId: string; clientSecret?: string; redirectUris: string[] };

/** What a person types into the issuer's login form. */
export type LocalOidcLogin = { email: string; name: string; nationalId?: string };

export type LocalOidcOptions = {
  /** A fixed loopback port; a free one when omitted. */
  port?: number;
  audience?: string;
  tenantId?: string;
  /** The id_token claim carrying the national identity number typed into the form. */
  nationalIdClaim?: string;
  interactiveClients?: LocalOidcInteractiveClient[];
};

export type LocalOidc = {
  issuer: string;
  audience: string;
  tenantId: string;
  /** SIGNET_OIDC_* variables pointing the API at this issuer (discovery finds the keys). */
  env: Record<string, string>;
  /** A JWT access token for `email` from the issuer's real token endpoint; `scope` defaults to user_impersonation. */
  token(email: string, options?: { scope?: string; resource?: string }): Promise<string>;
  /**
   * Follows `authorizeUrl` (an authorization request, or anything that redirects to one) through the
   * issuer's login form like a browser would (cookies kept by hand, redirects followed manually) and returns
   * the first redirect that leaves the issuer: the client's redirect_uri with `code` and `state`.
   */
  signIn(authorizeUrl: string, login: LocalOidcLogin): Promise<URL>;
  stop(): Promise<void>;
};

type Ready = { issuer: string; tokenEndpoint: string; audience: string; tenantId: string };

const SCRIPT = path.join(REPO_ROOT, 'test/oidc/local-oidc.mjs');

/** The issuer's first stdout line, once it listens; fails if the child exits first or takes over 20 s. */
async function readReady(child: ChildProcess, stderr: () => string): Promise<Ready> {
  return new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local OIDC issuer did not start: ${stderr()}`)), 20_000);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as Ready);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local OIDC issuer exited (${code}): ${stderr()}`));
    });
  });
}

/**
 * Starts the local OpenID Connect issuer (test/oidc/local-oidc.mjs, `oidc-provider`) as a child process on
 * a free loopback port, with one confidential client per user. Tokens come from its token endpoint
 * (client credentials + resource indicator) and carry Entra's claims: aud, iss, tid, preferred_username,
 * roles, scp. Interactive clients sign people in through the issuer's own login form (authorization code +
 * PKCE); `signIn` fills that form without a browser.
 */
export async function startLocalOidc(users: LocalOidcUser[], options: LocalOidcOptions = {}): Promise<LocalOidc> {
  const clients = users.map((user, index) => ({
    ...user,
    clientId: `local-user-${index + 1}`,
    clientSecret: randomBytes(24).toString('base64url'),
  }));
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, SIGNET_LOCAL_OIDC: JSON.stringify({ ...options, users: clients }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = `${errors}${chunk.toString()}`.slice(-4000)));
  const ready = await readReady(child, () => errors).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  const token: LocalOidc['token'] = async (email, { scope = 'user_impersonation', resource } = {}) => {
    const client = clients.find((candidate) => candidate.email === email);
    if (!client) throw new Error(`the local issuer has no user ${email}`);
    const response = await fetch(ready.tokenEndpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: resource ?? ready.audience, scope }),
    });
    const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
    if (!response.ok || !body.access_token) {
      throw new Error(`token request failed (${response.status}): ${body.error} ${body.error_description ?? ''}`);
    }
    return body.access_token;
  };

  const signIn: LocalOidc['signIn'] = async (authorizeUrl, login) => {
    const issuerOrigin = new URL(ready.issuer).origin;
    const cookies = new Map<string, string>();
    const send = async (url: URL, init: RequestInit = {}): Promise<Response> => {
      const headers = new Headers(init.headers);
      if (url.origin === issuerOrigin && cookies.size > 0) {
        headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
      }
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      if (url.origin === issuerOrigin) {
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const separator = pair!.indexOf('=');
          cookies.set(pair!.slice(0, separator).trim(), pair!.slice(separator + 1).trim());
        }
      }
      return response;
    };
    let url = new URL(authorizeUrl);
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await send(url);
      if (url.origin === issuerOrigin && /^\/interaction\/[^/]+$/.test(url.pathname) && response.status === 200) {
        await response.body?.cancel();
        const form = new URLSearchParams({ email: login.email, name: login.name, nationalId: login.nationalId ?? '' });
        const posted = await send(new URL(`${url.pathname}/login`, issuerOrigin), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form,
        });
        if (posted.status < 300 || posted.status >= 400) {
          throw new Error(`login form refused (${posted.status}): ${await posted.text()}`);
        }
        url = new URL(posted.headers.get('location')!, url);
      } else if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        url = new URL(response.headers.get('location')!, url);
      } else {
        throw new Error(`sign-in stopped at ${url.href} (${response.status}): ${await response.text()}`);
      }
      if (url.origin !== issuerOrigin) return url;
    }
    throw new Error('sign-in did not finish within 20 redirects');
  };

  return {
    issuer: ready.issuer,
    audience: ready.audience,
    tenantId: ready.tenantId,
    env: {
      SIGNET_OIDC_ISSUER: ready.issuer,
      SIGNET_OIDC_AUDIENCE: ready.audience,
      SIGNET_OIDC_TENANT_ID: ready.tenantId,
    },
    token,
    signIn,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The local issuer acting as both recipient identity providers, planned before the API's port is known. */
export type RecipientIdentityProviders = {
  /** SIGNET_RECIPIENT_OIDC_* (Microsoft sign-in) and SIGNET_STRONG_OIDC_* (the strong-authentication broker). */
  env: Record<string, string>;
  /** Starts the issuer on its planned port, its clients returning to the API at `apiUrl`. */
  start(apiUrl: string): Promise<LocalOidc>;
};

/**
 * Plans the local issuer with two confidential interactive clients: one for recipients' Microsoft sign-in,
 * one acting as the strong-authentication (bank-ID) broker. Its port is fixed now so the API can be
 * configured first (the API discovers the issuer on first use); `start` runs it once the API's URL is known.
 * Whoever fills in its form is signed in; a national id typed there arrives in `national_identity_number`.
 */
export async function planRecipientIdentityProviders(): Promise<RecipientIdentityProviders> {
  const [port] = (await freePorts(1)) as [number];
  const issuer = `http://127.0.0.1:${port}`;
  const microsoft = { clientId: 'signet-recipients', clientSecret: randomBytes(24).toString('base64url') };
  const strong = { clientId: 'signet-strong-broker', clientSecret: randomBytes(24).toString('base64url') };
  return {
    env: {
      SIGNET_RECIPIENT_OIDC_ISSUER: issuer,
      SIGNET_RECIPIENT_OIDC_CLIENT_ID: microsoft.clientId,
      SIGNET_RECIPIENT_OIDC_CLIENT_SECRET: microsoft.clientSecret,
      SIGNET_STRONG_OIDC_ISSUER: issuer,
      SIGNET_STRONG_OIDC_CLIENT_ID: strong.clientId,
      SIGNET_STRONG_OIDC_CLIENT_SECRET: strong.clientSecret,
      SIGNET_STRONG_OIDC_NAME: 'Local bank ID',
    },
    start: async (apiUrl) => {
      const redirectUris = [`${apiUrl}/api/v1/recipient-oidc/callback`];
      return startLocalOidc([], {
        port,
        interactiveClients: [
          { ...microsoft, redirectUris },
          { ...strong, redirectUris },
        ],
      });
    },
  };
}
