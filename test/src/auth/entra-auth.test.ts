import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eventually } from '../support/eventually';
import type { LocalOidc } from '../support/local-oidc';
import { startLocalOidc } from '../support/local-oidc';
import { makePdf } from '../support/pdf-fixtures';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';

// Entra ID sign-in end to end, with nothing mocked: tokens from a real OpenID Connect issuer (oidc-provider,
// standing in for Entra ID) through its token endpoint, the API checking them against the issuer's JWKS
// (found by discovery), and envelopes in the real Temporal dev server run by the real worker.

const SAM = 'sam@example.com';
const OLIVIA = 'olivia@example.com';
const ADA = 'ada@example.com';

let oidc: LocalOidc;
let stack: Stack;
let tokens: Record<string, string>;
const envelopes: Record<string, string> = {};

async function call(pathname: string, token: string | undefined, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.apiUrl}${pathname}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });
}

async function create(token: string, sender: string, document: string): Promise<Response> {
  return call('/api/v1/envelopes', token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: `Contract of ${sender}`,
      sender: { email: sender },
      documents: [{ libraryPath: document }],
      recipients: [{ email: 'alice@example.com', role: 'SIGNER', routingOrder: 1 }],
    }),
  });
}

async function listedIds(token: string): Promise<string[]> {
  const response = await call('/api/v1/envelopes?pageSize=100', token);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Array<{ envelopeId: string }> }).items.map((item) => item.envelopeId);
}

beforeAll(async () => {
  oidc = await startLocalOidc([
    { email: SAM, name: 'Sam Sender' },
    { email: OLIVIA, name: 'Olivia Other' },
    { email: ADA, name: 'Ada Admin', roles: ['Signet.Admin'] },
  ]);
  stack = await startStack(oidc.env);
  tokens = { [SAM]: await oidc.token(SAM), [OLIVIA]: await oidc.token(OLIVIA), [ADA]: await oidc.token(ADA) };
  await mkdir(path.join(stack.libraryRoot, 'contracts'), { recursive: true });
  for (const [email, file] of [
    [SAM, 'contracts/sam.pdf'],
    [OLIVIA, 'contracts/olivia.pdf'],
  ] as const) {
    await writeFile(path.join(stack.libraryRoot, file), await makePdf(1, `Contract of ${email}`));
    const created = await create(tokens[email]!, email, file);
    expect(created.status).toBe(201);
    envelopes[email] = ((await created.json()) as { envelopeId: string }).envelopeId;
  }
});

afterAll(async () => {
  await stack?.stop();
  await oidc?.stop();
});

describe('Entra ID bearer tokens against the real stack', () => {
  it('lets senders create envelopes only in their own name', async () => {
    const response = await create(tokens[SAM]!, OLIVIA, 'contracts/sam.pdf');
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it("lists a sender's own envelopes only, and an admin's list has everyone's", async () => {
    await eventually(async () => {
      const sams = await listedIds(tokens[SAM]!);
      expect(sams).toContain(envelopes[SAM]);
      expect(sams).not.toContain(envelopes[OLIVIA]);
      expect(await listedIds(tokens[ADA]!)).toEqual(expect.arrayContaining([envelopes[SAM], envelopes[OLIVIA]]));
    }, 30_000);
    const asOther = await call(`/api/v1/envelopes?senderEmail=${encodeURIComponent(OLIVIA)}`, tokens[SAM]);
    expect(asOther.status).toBe(403);
  });

  it("shows a sender their own envelope and refuses another's; an admin sees both", async () => {
    const own = await call(`/api/v1/envelopes/${envelopes[SAM]}`, tokens[SAM]);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ envelopeId: envelopes[SAM], sender: { email: SAM } });
    const foreign = await call(`/api/v1/envelopes/${envelopes[OLIVIA]}`, tokens[SAM]);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    for (const email of [SAM, OLIVIA]) {
      expect((await call(`/api/v1/envelopes/${envelopes[email]}`, tokens[ADA])).status).toBe(200);
    }
  });

  it('confines a sender to the delegated scopes of the token (Envelopes.Read cannot cancel)', async () => {
    const reader = await oidc.token(SAM, { scope: 'Envelopes.Read' });
    expect((await call(`/api/v1/envelopes/${envelopes[SAM]}`, reader)).status).toBe(200);
    const cancel = await call(`/api/v1/envelopes/${envelopes[SAM]}/cancel`, reader, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'changed my mind' }),
    });
    expect(cancel.status).toBe(403);
    expect(await cancel.json()).toMatchObject({
      error: { code: 'FORBIDDEN', message: expect.stringContaining('scope') },
    });
  });

  it('answers 401 UNAUTHENTICATED to anonymous and tampered tokens, never echoing the token', async () => {
    const anonymous = await call('/api/v1/envelopes', undefined);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    // Sam's token with the admin role written into its payload: the signature no longer matches.
    const [header, payload, signature] = tokens[SAM]!.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['Signet.Admin'] })).toString('base64url');
    for (const token of [`${header}.${forged}.${signature}`, `${header}.${payload}.${signature.slice(0, -6)}AAAAAA`]) {
      const response = await call(`/api/v1/envelopes/${envelopes[OLIVIA]}`, token);
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({
        error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('signature') },
      });
      expect(text).not.toContain(signature.slice(0, 24));
    }
  });
});
