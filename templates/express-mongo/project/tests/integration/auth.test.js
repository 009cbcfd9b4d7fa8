'use strict';

const jwt = require('jsonwebtoken');
const User = require('../../src/models/user');
const { useTestDatabase } = require('../support/db');
const { api, signUp, expectProblem } = require('../support/api');

useTestDatabase();

describe('POST /api/v1/auth/register', () => {
  test('creates an account and never returns the password', async () => {
    const res = await api()
      .post('/api/v1/auth/register')
      .send({ email: '  Ada@Example.COM ', password: 'long-enough', name: 'Ada' });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      email: 'ada@example.com',
      name: 'Ada',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
    });
    const stored = await User.findById(res.body.id);
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$/); // a bcrypt hash, not the password
  });

  test('name is optional', async () => {
    const res = await api()
      .post('/api/v1/auth/register')
      .send({ email: 'no-name@example.com', password: 'long-enough' });
    expect(res.status).toBe(201);
    expect(res.body.name).toBeNull();
  });

  test('answers 409 when the e-mail is taken, whatever its case', async () => {
    const { email } = await signUp();
    const res = await api()
      .post('/api/v1/auth/register')
      .send({ email: email.toUpperCase(), password: 'another-password' });
    expectProblem(res, 409);
  });

  test('answers 422 for an e-mail longer than 254 characters', async () => {
    const res = await api()
      .post('/api/v1/auth/register')
      .send({ email: `${'e'.repeat(250)}@example.com`, password: 'long-enough' });
    expect(expectProblem(res, 422).errors).toEqual([
      { field: 'email', message: expect.any(String) },
    ]);
  });

  test('a password is at most 72 bytes of UTF-8 (bcrypt ignores the rest)', async () => {
    const ok = await api()
      .post('/api/v1/auth/register')
      .send({ email: 'seventy-two@example.com', password: 'p'.repeat(72) });
    expect(ok.status).toBe(201);
    const res = await api()
      .post('/api/v1/auth/register')
      .send({ email: 'too-long@example.com', password: 'é'.repeat(37) }); // 37 chars, 74 bytes
    expect(expectProblem(res, 422).errors).toEqual([
      { field: 'password', message: expect.any(String) },
    ]);
  });

  test('concurrent registrations of one e-mail: one 201, the others 409', async () => {
    const email = 'race@example.com';
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api().post('/api/v1/auth/register').send({ email, password: 'long-enough' }),
      ),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
  });

  test('answers 422 listing each invalid field', async () => {
    const res = await api()
      .post('/api/v1/auth/register')
      .send({ email: 'not-an-email', password: 'short' });
    const problem = expectProblem(res, 422);
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['email', 'password']);
    for (const error of problem.errors) expect(error.message).toEqual(expect.any(String));
  });
});

describe('POST /api/v1/auth/login', () => {
  test('returns a bearer token for the right password', async () => {
    const { email, password } = await signUp();
    const res = await api()
      .post('/api/v1/auth/login')
      .send({ email: email.toUpperCase(), password });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 3600,
    });
  });

  test.each([
    ['a wrong password', (email) => ({ email, password: 'wrong-password' })],
    ['an unknown e-mail', () => ({ email: 'nobody@example.com', password: 'whatever-123' })],
  ])('answers 401 with WWW-Authenticate for %s', async (_, body) => {
    const { email } = await signUp();
    const res = await api().post('/api/v1/auth/login').send(body(email));
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  test('a password that differs only after byte 72 does not log in', async () => {
    const password = 'x'.repeat(72);
    const { email } = await signUp({ password });
    const res = await api()
      .post('/api/v1/auth/login')
      .send({ email, password: `${password}-and-more` });
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  test('answers 422 when a field is missing', async () => {
    const problem = expectProblem(await api().post('/api/v1/auth/login').send({}), 422);
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['email', 'password']);
  });
});

describe('GET /api/v1/auth/me', () => {
  test('returns the current user', async () => {
    const { user, auth } = await signUp();
    const res = await api().get('/api/v1/auth/me').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(user);
  });

  test('answers 401 with WWW-Authenticate without a token', async () => {
    const res = await api().get('/api/v1/auth/me');
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  test.each([
    ['a malformed token', () => 'not-a-jwt'],
    ['an expired token', (sub) => jwt.sign({ sub, exp: 1 }, process.env.JWT_SECRET)],
    ['a token signed with another key', (sub) => jwt.sign({ sub }, 'some-other-secret')],
    ['an unsigned token', (sub) => jwt.sign({ sub }, null, { algorithm: 'none' })],
  ])('answers 401 for %s', async (_, makeToken) => {
    const { user } = await signUp();
    const res = await api()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${makeToken(user.id)}`);
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });
});
