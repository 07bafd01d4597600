import { randomId } from './random-id';

describe('randomId', () => {
  it('is URL-safe, 128-bit by default, and never starts with - or _ (command lines read that as an option)', () => {
    const ids = Array.from({ length: 5000 }, () => randomId());
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
