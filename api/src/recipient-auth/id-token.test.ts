import { createTestIssuer, ISSUER, TENANT } from '../auth/test-jwt';
import type { TestIssuer } from '../auth/test-jwt';
import { makeEnvelopeView } from '../test-support/envelope-view';
import { microsoftIdentity, strongIdentity } from './identity-from-claims';
import type { RecipientAccess } from './recipient-access';
import type { DiscoveredProvider } from './recipient-oidc-client';
import { verifyIdToken } from './recipient-oidc-client';

// The id_token checks of recipients' sign-in, against locally signed tokens: a tampered, foreign, stale or
// replayed (other nonce) token is refused; the identity must be the invited person.

const CLIENT = 'signet-recipients';
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await createTestIssuer();
});

function provider(issuerName = ISSUER): DiscoveredProvider {
  return {
    config: { issuer: issuerName, clientId: CLIENT, clientSecret: undefined },
    issuer: issuerName,
    authorizationEndpoint: 'https://login.example.test/authorize',
    tokenEndpoint: 'https://login.example.test/token',
    keys: issuer.keys,
  };
}

const refused = expect.objectContaining({ code: 'AUTHENTICATION_FAILED' });

describe('verifyIdToken', () => {
  it('accepts our client’s token with the nonce we sent', async () => {
    const token = await issuer.sign({ aud: CLIENT, nonce: 'n-1', sub: 'abc', email: 'alice@example.com' });
    await expect(verifyIdToken(provider(), token, 'n-1')).resolves.toMatchObject({ email: 'alice@example.com' });
  });

  it.each([
    ['another audience', { aud: 'someone-else', nonce: 'n-1', sub: 'abc' }],
    ['another nonce (a replayed token)', { aud: CLIENT, nonce: 'n-0', sub: 'abc' }],
    ['another issuer', { aud: CLIENT, nonce: 'n-1', sub: 'abc', iss: 'https://evil.example.test' }],
    ['an expired token', { aud: CLIENT, nonce: 'n-1', sub: 'abc', exp: Math.floor(Date.now() / 1000) - 3600 }],
  ])('refuses %s', async (_label, claims) => {
    await expect(verifyIdToken(provider(), await issuer.sign(claims), 'n-1')).rejects.toEqual(refused);
  });

  it('refuses a tampered payload and a token signed by a stranger', async () => {
    const token = await issuer.sign({ aud: CLIENT, nonce: 'n-1', sub: 'abc', email: 'alice@example.com' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('alice@', 'mallory@')).toString(
      'base64url',
    );
    await expect(verifyIdToken(provider(), `${header}.${forged}.${signature}`, 'n-1')).rejects.toEqual(refused);
    const stranger = await issuer.sign({ aud: CLIENT, nonce: 'n-1', sub: 'abc' }, { key: issuer.strangerKey });
    await expect(verifyIdToken(provider(), stranger, 'n-1')).rejects.toEqual(refused);
  });

  it('fills Entra’s multi-tenant issuer from the token’s tid', async () => {
    const multi = provider('https://login.example.test/{tenantid}/v2.0');
    const token = await issuer.sign({ aud: CLIENT, nonce: 'n-1', sub: 'abc' });
    await expect(verifyIdToken(multi, token, 'n-1')).resolves.toMatchObject({ tid: TENANT });
    const otherTenant = await issuer.sign({ aud: CLIENT, nonce: 'n-1', sub: 'abc', tid: 'another-tenant' });
    await expect(verifyIdToken(multi, otherTenant, 'n-1')).rejects.toEqual(refused);
  });
});

describe('identities from claims', () => {
  const access = (recordNationalId: boolean): RecipientAccess => {
    const view = makeEnvelopeView();
    return {
      token: 't',
      link: { envelopeId: 'env-123456', credential: { recipientId: 'r-alice', recipientKey: 'k', authMethod: 'LINK' } },
      view,
      recipient: view.recipients[0]!,
      requirements: { authentication: 'STRONG', recordNationalId, locale: 'en' },
    };
  };

  it('Microsoft: the invited address, in any case, by email or preferred_username; else IDENTITY_MISMATCH', () => {
    expect(microsoftIdentity(access(false), { iss: ISSUER, preferred_username: 'ALICE@example.com' })).toEqual({
      issuer: ISSUER,
      email: 'ALICE@example.com',
    });
    expect(() => microsoftIdentity(access(false), { iss: ISSUER, email: 'mallory@example.com' })).toThrow(
      expect.objectContaining({ code: 'IDENTITY_MISMATCH' }),
    );
  });

  it('strong: the national id only masked and hashed, and only when the sender asked', () => {
    const claims = { iss: ISSUER, name: 'Alice A', national_identity_number: '010190-123A' };
    const kept = strongIdentity(access(true), claims, 'national_identity_number');
    expect(kept).toMatchObject({ name: 'Alice A', nationalIdMasked: '010190-****' });
    expect(kept.nationalIdSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(kept)).not.toContain('123A');
    expect(strongIdentity(access(false), claims, 'national_identity_number')).toEqual({
      issuer: ISSUER,
      name: 'Alice A',
    });
    expect(() => strongIdentity(access(true), { iss: ISSUER, name: 'A' }, 'national_identity_number')).toThrow(
      expect.objectContaining({ code: 'IDENTITY_MISMATCH' }),
    );
  });
});
