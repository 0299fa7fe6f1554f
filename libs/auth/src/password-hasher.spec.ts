import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hasher';

describe('password hasher (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('docket-demo');
    expect(h.startsWith('scrypt$16384$8$1$')).toBe(true);
    await expect(verifyPassword('docket-demo', h)).resolves.toBe(true);
    await expect(verifyPassword('docket-demo!', h)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });

  it('refuses malformed stored hashes and the dummy hash', async () => {
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
    await expect(verifyPassword('', DUMMY_HASH)).resolves.toBe(false);
  });
});
