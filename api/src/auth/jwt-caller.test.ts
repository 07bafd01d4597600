import { AppErrorCode } from '@signet/shared';
import { callerFromClaims } from './jwt-caller';

const ADMIN_ROLE = 'Signet.Admin';

describe('callerFromClaims', () => {
  it.each([
    ['user_impersonation', ['envelopes:read', 'envelopes:write', 'verify']],
    ['Envelopes.Read', ['envelopes:read']],
    ['Envelopes.ReadWrite', ['envelopes:read', 'envelopes:write']],
    ['Documents.Verify', ['verify']],
    ['Envelopes.Read Documents.Verify', ['envelopes:read', 'verify']],
    ['User.Read openid profile', []],
    ['', []],
  ])('maps scp "%s" to the Signet scopes %j', (scp, scopes) => {
    const caller = callerFromClaims({ preferred_username: 'sam@example.com', scp }, ADMIN_ROLE);
    expect([...caller.scopes].sort()).toEqual([...scopes].sort());
  });

  it('gives the admin scope only to an admin holding user_impersonation', () => {
    const full = callerFromClaims(
      { upn: 'ada@example.com', scp: 'user_impersonation', roles: [ADMIN_ROLE] },
      ADMIN_ROLE,
    );
    expect(full.scopes).toContain('admin');
    const narrow = callerFromClaims({ upn: 'ada@example.com', scp: 'Envelopes.Read', roles: [ADMIN_ROLE] }, ADMIN_ROLE);
    expect(narrow).toMatchObject({ role: 'admin', scopes: ['envelopes:read'] });
    const sender = callerFromClaims(
      { upn: 'sam@example.com', scp: 'user_impersonation', roles: ['Other'] },
      ADMIN_ROLE,
    );
    expect(sender).toMatchObject({ role: 'sender' });
    expect(sender.scopes).not.toContain('admin');
  });

  it('takes the e-mail from preferred_username, then email, then upn, skipping non-addresses', () => {
    const subject = (claims: Record<string, unknown>) => callerFromClaims(claims, ADMIN_ROLE).subject;
    expect(subject({ preferred_username: ' Sam@Example.COM ', email: 'x@example.com' })).toBe('sam@example.com');
    expect(subject({ preferred_username: 'not an address', email: 'Eve@Example.com' })).toBe('eve@example.com');
    expect(subject({ upn: 'Ulla@Example.com' })).toBe('ulla@example.com');
    expect(() => subject({ sub: 'abc', oid: 'def' })).toThrow(
      expect.objectContaining({ code: AppErrorCode.UNAUTHENTICATED }),
    );
  });
});
