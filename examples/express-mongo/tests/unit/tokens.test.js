'use strict';

const jwt = require('jsonwebtoken');
const { signAccessToken, verifyAccessToken } = require('../../src/lib/tokens');
const { hashPassword, verifyPassword } = require('../../src/lib/passwords');

describe('access tokens', () => {
  test('carry the user id and expire after JWT_EXPIRES_IN seconds', () => {
    const { accessToken, tokenType, expiresIn } = signAccessToken('0123456789abcdef01234567');
    expect(tokenType).toBe('Bearer');
    expect(expiresIn).toBe(3600);
    expect(verifyAccessToken(accessToken)).toBe('0123456789abcdef01234567');
    const { iat, exp } = jwt.decode(accessToken);
    expect(exp - iat).toBe(3600);
  });

  test('are rejected when tampered with', () => {
    const { accessToken } = signAccessToken('0123456789abcdef01234567');
    const [header, , signature] = accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'someone-else' })).toString('base64url');
    expect(() => verifyAccessToken(`${header}.${forged}.${signature}`)).toThrow(
      jwt.JsonWebTokenError,
    );
  });
});

describe('passwords', () => {
  test('are stored as salted bcrypt hashes', async () => {
    const [first, second] = await Promise.all([
      hashPassword('s3cret-pass'),
      hashPassword('s3cret-pass'),
    ]);
    expect(first).toMatch(/^\$2[aby]\$04\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('s3cret-pass', first)).toBe(true);
    expect(await verifyPassword('wrong-pass', first)).toBe(false);
  });

  test('an unknown account never verifies', async () => {
    expect(await verifyPassword('anything', undefined)).toBe(false);
  });
});
