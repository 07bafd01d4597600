import { makeEnvelopeView } from '../test-support/envelope-view';
import { createFakeTemporal, notFound } from '../test-support/fake-temporal';
import { createTestApp, linkToken } from '../test-support/test-app';

const TOKEN = linkToken();

function appWith(view: ReturnType<typeof makeEnvelopeView> | 'missing') {
  const temporal = createFakeTemporal({
    query: async (id) => (view === 'missing' ? Promise.reject(notFound(id)) : view),
  });
  return createTestApp({ temporal }).app;
}

describe('GET /sign/:token', () => {
  it('shows subject, sender, documents and status, escaped, with strict headers', async () => {
    const app = appWith(makeEnvelopeView({ subject: '<script>alert(1)</script> NDA', documents: [] }));
    const response = await app.inject({ method: 'GET', url: `/sign/${TOKEN}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    expect(response.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62; NDA');
    expect(response.body).not.toContain('<script>');
    expect(response.body).toContain('Sam Sender');
    expect(response.body).toContain('It is your turn');
    expect(response.body).not.toContain('bob@example.com');
  });

  it('links each document through the recipient API', async () => {
    const response = await appWith(makeEnvelopeView()).inject({ method: 'GET', url: `/sign/${TOKEN}` });
    expect(response.body).toContain(`href="/api/v1/recipient/${TOKEN}/documents/0"`);
    expect(response.body).toContain('nda.pdf');
  });

  it.each([
    ['COMPLETED', 'has been completed'],
    ['CANCELLED', 'cancelled this envelope'],
    ['EXPIRED', 'expired'],
    ['DECLINED', 'was declined'],
  ] as const)('explains a %s envelope', async (status, text) => {
    const response = await appWith(makeEnvelopeView({ status })).inject({ method: 'GET', url: `/sign/${TOKEN}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(text);
  });

  it('explains an invalid link', async () => {
    const response = await appWith(makeEnvelopeView()).inject({ method: 'GET', url: '/sign/v1.garbage.sig' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(response.body).toContain('This link is not valid');
  });

  it('explains a link of a replaced recipient and a vanished envelope', async () => {
    const replaced = await appWith(makeEnvelopeView()).inject({
      method: 'GET',
      url: `/sign/${linkToken('env-123456', 'r-old')}`,
    });
    expect(replaced.statusCode).toBe(404);
    expect(replaced.body).toContain('no longer valid');
    const gone = await appWith('missing').inject({ method: 'GET', url: `/sign/${TOKEN}` });
    expect(gone.body).toContain('no longer exists');
  });
});
