import { AppErrorCode } from '@signet/shared';
import { AUTH, createTestApp } from '../test-support/test-app';
import { isAuthorizedBearer } from './sender-auth';

const TOKEN = 'a-very-long-api-token-0123456789abcdef';

describe('isAuthorizedBearer', () => {
  it('accepts the right token, with any case of "Bearer"', () => {
    expect(isAuthorizedBearer(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isAuthorizedBearer(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', `Basic ${TOKEN}`],
    ['a wrong token', 'Bearer wrong'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token with extra text', `Bearer ${TOKEN}x`],
    ['two tokens', `Bearer ${TOKEN} ${TOKEN}`],
  ])('refuses %s', (_label, header) => {
    expect(isAuthorizedBearer(header, TOKEN)).toBe(false);
  });
});

describe('sender routes', () => {
  const { app } = createTestApp();
  afterAll(async () => app.close());

  it.each([
    ['GET', '/api/v1/envelopes'],
    ['GET', '/api/v1/envelopes/env-123456'],
    ['POST', '/api/v1/envelopes'],
    ['POST', '/api/v1/envelopes/upload'],
    ['POST', '/api/v1/envelopes/env-123456/cancel'],
    ['DELETE', '/api/v1/envelopes/env-123456/recipients/r-1'],
    ['GET', '/api/v1/library'],
  ] as const)('%s %s needs the API token', async (method, url) => {
    const missing = await app.inject({ method, url });
    const wrong = await app.inject({ method, url, headers: { authorization: 'Bearer nope' } });
    for (const response of [missing, wrong]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: AppErrorCode.UNAUTHENTICATED } });
    }
  });

  it('lets a request with the token through', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/library', headers: AUTH });
    expect(response.statusCode).toBe(200);
  });

  it('leaves health and recipient routes to their own rules', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const recipient = await app.inject({ method: 'GET', url: '/api/v1/recipient/not-a-token' });
    expect(recipient.json()).toMatchObject({ error: { code: AppErrorCode.INVALID_TOKEN } });
  });
});
