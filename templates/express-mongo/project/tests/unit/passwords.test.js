'use strict';

const bcrypt = require('bcryptjs');
const { hashPassword, verifyPassword } = require('../../src/lib/passwords');

describe('password hashing', () => {
  test('stores a salted bcrypt hash that verifies only the same password', async () => {
    const hash = await hashPassword('correct-horse');
    expect(hash).toMatch(/^\$2[aby]\$04\$/); // BCRYPT_ROUNDS=4 in the tests
    expect(hash).not.toBe(await hashPassword('correct-horse'));
    expect(await verifyPassword('correct-horse', hash)).toBe(true);
    expect(await verifyPassword('wrong-horse', hash)).toBe(false);
  });

  test('refuses a password over 72 bytes, even one bcrypt would accept', async () => {
    const password = 'y'.repeat(72);
    const hash = await hashPassword(password);
    expect(await bcrypt.compare(`${password}z`, hash)).toBe(true); // bcrypt truncates...
    expect(await verifyPassword(`${password}z`, hash)).toBe(false); // ...we do not
  });

  test('without a hash (unknown e-mail) still does a bcrypt comparison, then fails', async () => {
    const compare = jest.spyOn(bcrypt, 'compare');
    try {
      expect(await verifyPassword('whatever-it-is', undefined)).toBe(false);
      expect(compare).toHaveBeenCalledTimes(1);
      expect(compare.mock.calls[0][1]).toMatch(/^\$2[aby]\$04\$/);
    } finally {
      compare.mockRestore();
    }
  });
});
